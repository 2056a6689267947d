package dev.poolhit.sim.kernel;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.SimException;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A small-block non-paged pool: blocks carved from 4 KiB pages in the Win7 x64 non-paged pool
 * range, each preceded by a 16-byte POOL_HEADER (PreviousSize u8, PoolIndex u8, BlockSize u8 in
 * 16-byte units including the header, PoolType u8; PoolTag u32 at +4; ProcessBilled at +8). Freed
 * blocks go on a per-size free list and are reused LIFO, as lookaside lists do, so addresses repeat.
 * Deterministic: same call sequence, same addresses.
 */
public final class PoolAllocator {
    public static final long POOL_START = 0xfffffa8003c00000L;
    /** Big-pool pages start here; the small-block region below it holds ~4 GiB of leaks. */
    public static final long BIG_POOL_START = 0xfffffa8100000000L;
    public static final int HEADER_SIZE = 16;
    /** Largest big-pool request the simulator serves. */
    public static final int MAX_BIG = 0x10000;
    /** Largest request served from pages (bigger ones would be big-pool allocations without a header). */
    public static final int MAX_SMALL = 0xff0 - HEADER_SIZE;
    /** PoolType in an allocated header: NonPagedPool (0) + 1; a free block has 0. */
    private static final int NON_PAGED_IN_USE = 1;

    private final SparseMemory memory;
    private final Map<Integer, Deque<Long>> freeLists = new HashMap<>();
    private final Map<Integer, Deque<Long>> bigFreeLists = new HashMap<>();
    private final Map<Long, PoolBlock> live = new HashMap<>();
    private long bigNext = BIG_POOL_START;
    private long page = POOL_START - SparseMemory.PAGE_SIZE;
    private int used = SparseMemory.PAGE_SIZE;
    private int previousUnits;

    public PoolAllocator(SparseMemory memory) {
        this.memory = memory;
    }

    public PoolBlock allocate(int tag, int size) {
        if (size <= 0 || size > MAX_SMALL) {
            throw new SimException("pool request size out of range: expected 1..0x" + Integer.toHexString(MAX_SMALL)
                    + ", actual 0x" + Integer.toHexString(size) + " (tag 0x" + Integer.toHexString(tag) + ")");
        }
        int units = (size + HEADER_SIZE + 15) / 16;
        Deque<Long> free = freeLists.get(units);
        long header = free != null && !free.isEmpty() ? free.pop() : carve(units);
        memory.put8(header + 2, units);
        memory.put8(header + 3, NON_PAGED_IN_USE);
        memory.put32(header + 4, tag & 0xffffffffL);
        PoolBlock block = new PoolBlock(header + HEADER_SIZE, tag, size);
        live.put(block.address(), block);
        return block;
    }

    /**
     * A big-pool allocation: whole pages, page aligned, no POOL_HEADER (the tag lives in the big
     * page table on Windows), as ExpAllocateBigPool hands out for requests of a page or more.
     */
    public PoolBlock allocateBig(int tag, int size) {
        if (size <= 0 || size > MAX_BIG) {
            throw new SimException("big pool request size out of range: expected 1..0x" + Integer.toHexString(MAX_BIG)
                    + ", actual 0x" + Integer.toHexString(size) + " (tag 0x" + Integer.toHexString(tag) + ")");
        }
        int pages = (size + SparseMemory.PAGE_SIZE - 1) / SparseMemory.PAGE_SIZE;
        Deque<Long> free = bigFreeLists.get(pages);
        long address;
        if (free != null && !free.isEmpty()) {
            address = free.pop();
        } else {
            address = bigNext;
            bigNext += (long) pages * SparseMemory.PAGE_SIZE;
            memory.map(address, (long) pages * SparseMemory.PAGE_SIZE);
        }
        PoolBlock block = new PoolBlock(address, tag, size);
        live.put(address, block);
        return block;
    }

    public PoolBlock free(long address) {
        PoolBlock block = live.remove(address);
        if (block == null) {
            throw new SimException("free of a block not allocated: " + Hex.u64(address));
        }
        if ((address & (SparseMemory.PAGE_SIZE - 1)) == 0) {
            int pages = (block.size() + SparseMemory.PAGE_SIZE - 1) / SparseMemory.PAGE_SIZE;
            bigFreeLists.computeIfAbsent(pages, p -> new ArrayDeque<>()).push(address);
            return block;
        }
        long header = address - HEADER_SIZE;
        memory.put8(header + 3, 0);
        freeLists.computeIfAbsent(memory.u8(header + 2), u -> new ArrayDeque<>()).push(header);
        return block;
    }

    public int liveCount() {
        return live.size();
    }

    private long carve(int units) {
        int bytes = units * 16;
        if (used + bytes > SparseMemory.PAGE_SIZE) {
            if (page + SparseMemory.PAGE_SIZE == BIG_POOL_START) {
                throw new SimException("non-paged pool exhausted: small-block region " + Hex.u64(POOL_START) + " - "
                        + Hex.u64(BIG_POOL_START) + " full (" + live.size() + " live blocks)");
            }
            page += SparseMemory.PAGE_SIZE;
            memory.map(page, SparseMemory.PAGE_SIZE);
            used = 0;
            previousUnits = 0;
        }
        long header = page + used;
        memory.put8(header, previousUnits);
        used += bytes;
        previousUnits = units;
        return header;
    }
}
