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
    /** Windows 7 x64 puts a process's PEB in the pages just below 0x7fffffe0000. */
    static final long PEB_ADDRESS = 0x000007fffffdf000L;
    /** Where the loader's heap blocks (loader data, entries, names) live; below the images, above the stack. */
    static final long LOADER_HEAP = 0x0000000000290000L;
    static final long LOADER_HEAP_SIZE = 0x4000;
    /** LDRP_ENTRY_PROCESSED | LDRP_IMAGE_DLL-ish values as seen on real entries; cosmetic. */
    private static final long EXE_FLAGS = 0x00004000L;
    private static final long DLL_FLAGS = 0x000c4004L;

    private final SparseMemory memory;

    PebWriter(SparseMemory memory) {
        this.memory = memory;
    }

    SimPeb write(List<LoadedImage> userImages) {
        memory.map(PEB_ADDRESS, PEB_SIZE.offset());
        BumpAllocator heap = new BumpAllocator(memory, LOADER_HEAP, LOADER_HEAP_SIZE);
        long ldr = heap.allocate(PEB_LDR_DATA_SIZE.offset(), 16);
        memory.put32(ldr + PEB_LDR_DATA_LENGTH.offset(), PEB_LDR_DATA_SIZE.offset());
        memory.put8(ldr + PEB_LDR_DATA_INITIALIZED.offset(), 1);
        for (Win7Offsets list : List.of(PEB_LDR_DATA_IN_LOAD_ORDER, PEB_LDR_DATA_IN_MEMORY_ORDER,
                PEB_LDR_DATA_IN_INITIALIZATION_ORDER)) {
            ListEntries.initHead(memory, ldr + list.offset());
        }
        memory.put64(PEB_ADDRESS + PEB_LDR.offset(), ldr);
        List<LoadedImage> ordered = new ArrayList<>(userImages);
        ordered.sort(Comparator.comparing(i -> !isExecutable(i)));
        List<Long> entries = new ArrayList<>();
        for (LoadedImage image : ordered) {
            long entry = heap.allocate(ULDR_SIZE.offset(), 16);
            fill(heap, entry, image);
            ListEntries.insertTail(memory, ldr + PEB_LDR_DATA_IN_LOAD_ORDER.offset(),
                    entry + ULDR_IN_LOAD_ORDER_LINKS.offset());
            ListEntries.insertTail(memory, ldr + PEB_LDR_DATA_IN_MEMORY_ORDER.offset(),
                    entry + ULDR_IN_MEMORY_ORDER_LINKS.offset());
            if (isExecutable(image)) {
                memory.put64(PEB_ADDRESS + PEB_IMAGE_BASE_ADDRESS.offset(), image.base());
                ListEntries.initHead(memory, entry + ULDR_IN_INITIALIZATION_ORDER_LINKS.offset());
            } else {
                ListEntries.insertTail(memory, ldr + PEB_LDR_DATA_IN_INITIALIZATION_ORDER.offset(),
                        entry + ULDR_IN_INITIALIZATION_ORDER_LINKS.offset());
            }
            entries.add(entry);
        }
        return new SimPeb(PEB_ADDRESS, ldr, entries);
    }

    private void fill(BumpAllocator heap, long entry, LoadedImage image) {
        PeFile pe = image.pe();
        memory.put64(entry + ULDR_DLL_BASE.offset(), image.base());
        memory.put64(entry + ULDR_ENTRY_POINT.offset(), image.base() + pe.entryPointRva());
        memory.put32(entry + ULDR_SIZE_OF_IMAGE.offset(), pe.sizeOfImage());
        UnicodeStrings.write(memory, heap, entry + ULDR_FULL_DLL_NAME.offset(), image.fullPath());
        UnicodeStrings.write(memory, heap, entry + ULDR_BASE_DLL_NAME.offset(), image.name());
        memory.put32(entry + ULDR_FLAGS.offset(), isExecutable(image) ? EXE_FLAGS : DLL_FLAGS);
        memory.put16(entry + ULDR_LOAD_COUNT.offset(), 0xffff); // static imports are never unloaded
        memory.put32(entry + ULDR_TIME_DATE_STAMP.offset(), pe.timeDateStamp());
    }

    private static boolean isExecutable(LoadedImage image) {
        return image.name().toLowerCase(Locale.ROOT).endsWith(".exe");
    }
}
