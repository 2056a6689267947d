package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.PeFile;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the kernel's loaded-module list: one KLDR_DATA_TABLE_ENTRY (Win7 x64 layout, 0xe0 bytes;
 * x86: the 32-bit LDR_DATA_TABLE_ENTRY, 0x78 bytes)
 * per kernel-mode image, linked in load order into the LIST_ENTRY ring headed by
 * {@code nt!PsLoadedModuleList}. Written from kd-protocol.md 7.4 and the Win7 header, independently
 * of the client's reader so a layout bug cannot hide on both sides.
 */
final class ModuleListWriter {
    /** KLDR flags as seen on real entries (LDRP_ENTRY_PROCESSED | LDRP_IMAGE_DLL-ish); cosmetic. */
    private static final long ENTRY_FLAGS = 0x49104000L;

    private final KernelLayout layout;
    private final SparseMemory memory;
    private final BumpAllocator boot;

    ModuleListWriter(KernelLayout layout, SparseMemory memory, BumpAllocator boot) {
        this.layout = layout;
        this.memory = memory;
        this.boot = boot;
    }

    /** Initialises the head and appends an entry per image; returns the entry addresses. */
    List<Long> write(long head, List<LoadedImage> images) {
        ListEntries.initHead(layout, memory, head);
        List<Long> entries = new ArrayList<>();
        for (LoadedImage image : images) {
            entries.add(append(head, image));
        }
        return entries;
    }

    /** Appends one entry (a driver loaded later, as MmLoadSystemImage does); returns its address. */
    long append(long head, LoadedImage image) {
        long entry = boot.allocate(layout.offset(LDR_SIZE), 16);
        fill(entry, image);
        ListEntries.insertTail(layout, memory, head, entry);
        return entry;
    }

    private void fill(long entry, LoadedImage image) {
        PeFile pe = image.pe();
        long[] pdata = pe.directory(PeFile.DIR_EXCEPTION);
        long exceptionTable = pdata[1] == 0 ? 0 : image.base() + pdata[0];
        layout.putPointer(memory, entry + layout.offset(LDR_EXCEPTION_TABLE), exceptionTable);
        memory.put32(entry + layout.offset(LDR_EXCEPTION_TABLE_SIZE), pdata[1]);
        layout.putPointer(memory, entry + layout.offset(LDR_DLL_BASE), image.base());
        layout.putPointer(memory, entry + layout.offset(LDR_ENTRY_POINT), image.base() + pe.entryPointRva());
        memory.put32(entry + layout.offset(LDR_SIZE_OF_IMAGE), pe.sizeOfImage());
        UnicodeStrings.write(layout, memory, boot, entry + layout.offset(LDR_FULL_DLL_NAME), image.fullPath());
        UnicodeStrings.write(layout, memory, boot, entry + layout.offset(LDR_BASE_DLL_NAME), image.name());
        memory.put32(entry + layout.offset(LDR_FLAGS), ENTRY_FLAGS);
        memory.put16(entry + layout.offset(LDR_LOAD_COUNT), 1);
        memory.put32(entry + layout.offset(LDR_CHECKSUM), pe.checkSum());
        memory.put32(entry + layout.offset(LDR_TIME_DATE_STAMP), pe.timeDateStamp());
    }
}
