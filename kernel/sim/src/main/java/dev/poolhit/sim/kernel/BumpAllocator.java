package dev.poolhit.sim.kernel;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.SimException;
import dev.poolhit.sim.memory.SparseMemory;

/**
 * Hands out zeroed, mapped memory from one fixed region, never freeing: the home of boot-time kernel
 * objects (loader entries, EPROCESS/ETHREAD, name buffers) that live as long as the machine.
 */
final class BumpAllocator {
    private final SparseMemory memory;
    private final long start;
    private final long end;
    private long next;

    BumpAllocator(SparseMemory memory, long start, long size) {
        this.memory = memory;
        this.start = start;
        this.end = start + size;
        this.next = start;
    }

    /** {@code size} bytes aligned to {@code alignment} (a power of two). */
    long allocate(long size, long alignment) {
        long at = (next + alignment - 1) & -alignment;
        if (Long.compareUnsigned(at + size, end) > 0) {
            throw new SimException("boot region exhausted: need 0x" + Long.toHexString(size) + " bytes at "
                    + Hex.u64(at) + ", region ends " + Hex.u64(end) + " (starts " + Hex.u64(start) + ")");
        }
        memory.map(at, size);
        next = at + size;
        return at;
    }
}
