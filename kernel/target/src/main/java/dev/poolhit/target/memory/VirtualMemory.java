package dev.poolhit.target.memory;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.MemoryAccessException;

/**
 * Reads target virtual memory. The one seam between the debugger model and whatever supplies the
 * bytes: the kd session (through {@code target.kd}), a dump, or an in-memory image in tests.
 */
public interface VirtualMemory {
    /**
     * Returns exactly {@code length} bytes starting at {@code address}.
     *
     * @throws MemoryAccessException naming the first address that could not be read
     */
    byte[] read(long address, int length);

    default long u64(long address) {
        return LittleEndian.u64(read(address, 8), 0);
    }

    default long u32(long address) {
        return LittleEndian.u32(read(address, 4), 0);
    }
}
