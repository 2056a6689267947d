package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.PeFile;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the kernel's loaded-module list: one KLDR_DATA_TABLE_ENTRY (Win7 x64 layout, 0xe0 bytes)
 * per kernel-mode image, linked in load order into the LIST_ENTRY ring headed by
 * {@code nt!PsLoadedModuleList}. Written from kd-protocol.md 7.4 and the Win7 header, independently
 * of the client's reader so a layout bug cannot hide on both sides.
 */
final class ModuleListWriter {
    /** KLDR flags as seen on real entries (LDRP_ENTRY_PROCESSED | LDRP_IMAGE_DLL-ish); cosmetic. */
    private static final long ENTRY_FLAGS = 0x49104000L;

    private final SparseMemory memory;
    private final BumpAllocator boot;

    ModuleListWriter(SparseMemory memory, BumpAllocator boot) {
        this.memory = memory;
        this.boot = boot;
    }

    /** Initialises the head and appends an entry per image; returns the entry addresses. */
    List<Long> write(long head, List<LoadedImage> images) {
        ListEntries.initHead(memory, head);
        List<Long> entries = new ArrayList<>();
        for (LoadedImage image : images) {
            long entry = boot.allocate(LDR_SIZE.offset(), 16);
            fill(entry, image);
            ListEntries.insertTail(memory, head, entry);
            entries.add(entry);
        }
        return entries;
    }

    private void fill(long entry, LoadedImage image) {
        PeFile pe = image.pe();
        long[] pdata = pe.directory(PeFile.DIR_EXCEPTION);
        memory.put64(entry + LDR_EXCEPTION_TABLE.offset(), pdata[1] == 0 ? 0 : image.base() + pdata[0]);
        memory.put32(entry + LDR_EXCEPTION_TABLE_SIZE.offset(), pdata[1]);
        memory.put64(entry + LDR_DLL_BASE.offset(), image.base());
        memory.put64(entry + LDR_ENTRY_POINT.offset(), image.base() + pe.entryPointRva());
        memory.put32(entry + LDR_SIZE_OF_IMAGE.offset(), pe.sizeOfImage());
        UnicodeStrings.write(memory, boot, entry + LDR_FULL_DLL_NAME.offset(), image.fullPath());
        UnicodeStrings.write(memory, boot, entry + LDR_BASE_DLL_NAME.offset(), image.name());
        memory.put32(entry + LDR_FLAGS.offset(), ENTRY_FLAGS);
        memory.put16(entry + LDR_LOAD_COUNT.offset(), 1);
        memory.put32(entry + LDR_CHECKSUM.offset(), pe.checkSum());
        memory.put32(entry + LDR_TIME_DATE_STAMP.offset(), pe.timeDateStamp());
    }
}
