package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.PeFile;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the user process's PEB, PEB_LDR_DATA and one LDR_DATA_TABLE_ENTRY per user-mode image
 * (Win7 SP1 x64 layout, {@link Win7Offsets}), linked into all three module lists as the Windows
 * loader does: load and memory order start with the executable, initialization order lists DLLs
 * only. Written from the ntdll headers, independently of any client's reader. The flat simulated
 * memory makes these user addresses readable from every processor's context.
 */
final class PebWriter {
    /** Where the loader's heap blocks (loader data, entries, names) live; below the images, above the stack. */
    static final long LOADER_HEAP = 0x0000000000290000L;
    static final long LOADER_HEAP_SIZE = 0x4000;
    /** LDRP_ENTRY_PROCESSED | LDRP_IMAGE_DLL-ish values as seen on real entries; cosmetic. */
    private static final long EXE_FLAGS = 0x00004000L;
    private static final long DLL_FLAGS = 0x000c4004L;

    private final KernelLayout layout;
    private final SparseMemory memory;

    PebWriter(KernelLayout layout, SparseMemory memory) {
        this.layout = layout;
        this.memory = memory;
    }

    SimPeb write(List<LoadedImage> userImages) {
        memory.map(layout.pebAddress(), layout.offset(PEB_SIZE));
        BumpAllocator heap = new BumpAllocator(memory, LOADER_HEAP, LOADER_HEAP_SIZE);
        long ldr = heap.allocate(layout.offset(PEB_LDR_DATA_SIZE), 16);
        memory.put32(ldr + layout.offset(PEB_LDR_DATA_LENGTH), layout.offset(PEB_LDR_DATA_SIZE));
        memory.put8(ldr + layout.offset(PEB_LDR_DATA_INITIALIZED), 1);
        for (Win7Offsets list : List.of(PEB_LDR_DATA_IN_LOAD_ORDER, PEB_LDR_DATA_IN_MEMORY_ORDER,
                PEB_LDR_DATA_IN_INITIALIZATION_ORDER)) {
            ListEntries.initHead(layout, memory, ldr + layout.offset(list));
        }
        layout.putPointer(memory, layout.pebAddress() + layout.offset(PEB_LDR), ldr);
        List<LoadedImage> ordered = new ArrayList<>(userImages);
        ordered.sort(Comparator.comparing(i -> !isExecutable(i)));
        List<Long> entries = new ArrayList<>();
        for (LoadedImage image : ordered) {
            long entry = heap.allocate(layout.offset(ULDR_SIZE), 16);
            fill(heap, entry, image);
            ListEntries.insertTail(layout, memory, ldr + layout.offset(PEB_LDR_DATA_IN_LOAD_ORDER),
                    entry + layout.offset(ULDR_IN_LOAD_ORDER_LINKS));
            ListEntries.insertTail(layout, memory, ldr + layout.offset(PEB_LDR_DATA_IN_MEMORY_ORDER),
                    entry + layout.offset(ULDR_IN_MEMORY_ORDER_LINKS));
            if (isExecutable(image)) {
                layout.putPointer(memory, layout.pebAddress() + layout.offset(PEB_IMAGE_BASE_ADDRESS), image.base());
                ListEntries.initHead(layout, memory, entry + layout.offset(ULDR_IN_INITIALIZATION_ORDER_LINKS));
            } else {
                ListEntries.insertTail(layout, memory, ldr + layout.offset(PEB_LDR_DATA_IN_INITIALIZATION_ORDER),
                        entry + layout.offset(ULDR_IN_INITIALIZATION_ORDER_LINKS));
            }
            entries.add(entry);
        }
        return new SimPeb(layout.pebAddress(), ldr, entries);
    }

    private void fill(BumpAllocator heap, long entry, LoadedImage image) {
        PeFile pe = image.pe();
        layout.putPointer(memory, entry + layout.offset(ULDR_DLL_BASE), image.base());
        layout.putPointer(memory, entry + layout.offset(ULDR_ENTRY_POINT), image.base() + pe.entryPointRva());
        memory.put32(entry + layout.offset(ULDR_SIZE_OF_IMAGE), pe.sizeOfImage());
        UnicodeStrings.write(layout, memory, heap, entry + layout.offset(ULDR_FULL_DLL_NAME), image.fullPath());
        UnicodeStrings.write(layout, memory, heap, entry + layout.offset(ULDR_BASE_DLL_NAME), image.name());
        memory.put32(entry + layout.offset(ULDR_FLAGS), isExecutable(image) ? EXE_FLAGS : DLL_FLAGS);
        memory.put16(entry + layout.offset(ULDR_LOAD_COUNT), 0xffff); // static imports are never unloaded
        memory.put32(entry + layout.offset(ULDR_TIME_DATE_STAMP), pe.timeDateStamp());
    }

    private static boolean isExecutable(LoadedImage image) {
        return image.name().toLowerCase(Locale.ROOT).endsWith(".exe");
    }
}
