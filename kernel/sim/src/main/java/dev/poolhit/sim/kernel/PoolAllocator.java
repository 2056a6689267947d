package dev.poolhit.sim.kernel;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.SimException;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One pool (non-paged or paged): small blocks carved from 4 KiB pages in the Win7 x64 range of
 * that pool ({@code fffffa80`...} non-paged, {@code fffff8a0`...} paged), each preceded by a 16-byte POOL_HEADER (PreviousSize u8, PoolIndex u8, BlockSize u8 in
 * 16-byte units including the header, PoolType u8; PoolTag u32 at +4; ProcessBilled at +8). Freed
 * blocks go on a per-size free list and are reused LIFO, as lookaside lists do, so addresses repeat.
 * Deterministic: same call sequence, same addresses.
 */
public final class PoolAllocator {
    public static final int NON_PAGED_POOL = 0;
    public static final int PAGED_POOL = 1;
    /** Non-paged small blocks start here. */
    public static final long POOL_START = 0xfffffa8003c00000L;
    /** Non-paged big-pool pages start here; the small-block region below it holds ~4 GiB of leaks. */
    public static final long BIG_POOL_START = 0xfffffa8100000000L;
    /** Paged pool: small blocks, then big pages. */
    public static final long PAGED_POOL_START = 0xfffff8a001000000L;
    public static final long PAGED_BIG_POOL_START = 0xfffff8a100000000L;
    public static final int HEADER_SIZE = 16;
    /** x86 (Win7 PAE kernel) pool ranges: non-paged small/big, paged small/big; 8-byte POOL_HEADER. */
    public static final long X86_POOL_START = 0x85000000L;
    public static final long X86_BIG_POOL_START = 0x88000000L;
    public static final long X86_PAGED_POOL_START = 0x9a000000L;
    public static final long X86_PAGED_BIG_POOL_START = 0x9e000000L;
    public static final int X86_HEADER_SIZE = 8;
    /** Largest big-pool request the simulator serves. */
    public static final int MAX_BIG = 0x10000;
    /** Largest request served from pages (bigger ones would be big-pool allocations without a header). */
    public static final int MAX_SMALL = 0xff0 - HEADER_SIZE;
    private final SparseMemory memory;
    private final int poolType;
    private final long smallStart;
    private final long bigStart;
    private final boolean x86;
    private final int header;
    private final Map<Integer, Deque<Long>> freeLists = new HashMap<>();
    private final Map<Integer, Deque<Long>> bigFreeLists = new HashMap<>();
    private final Map<Long, PoolBlock> live = new HashMap<>();
    private long bigNext;
    private long page;
    private int used = SparseMemory.PAGE_SIZE;
    private int previousUnits;

    /** @param poolType {@link #NON_PAGED_POOL} or {@link #PAGED_POOL} (POOL_TYPE values) */
    public PoolAllocator(SparseMemory memory, int poolType) {
        this(memory, poolType, Architecture.X64);
    }

    /**
     * x86: 8-byte POOL_HEADER packed as Windows x86 does (u16 at +0: PreviousSize | PoolIndex << 9;
     * u16 at +2: BlockSize | PoolType << 9, sizes in 8-byte units; PoolTag at +4) in the x86 ranges.
     */
    public PoolAllocator(SparseMemory memory, int poolType, Architecture architecture) {
        this.memory = memory;
        this.poolType = poolType;
        this.x86 = architecture == Architecture.X86;
        this.header = x86 ? X86_HEADER_SIZE : HEADER_SIZE;
        boolean paged = poolType == PAGED_POOL;
        this.smallStart = x86 ? (paged ? X86_PAGED_POOL_START : X86_POOL_START)
                : paged ? PAGED_POOL_START : POOL_START;
        this.bigStart = x86 ? (paged ? X86_PAGED_BIG_POOL_START : X86_BIG_POOL_START)
                : paged ? PAGED_BIG_POOL_START : BIG_POOL_START;
        this.bigNext = bigStart;
        this.page = smallStart - SparseMemory.PAGE_SIZE;
    }

    public int poolType() {
        return poolType;
    }

    public PoolBlock allocate(int tag, int size) {
        if (size <= 0 || size > MAX_SMALL) {
            throw new SimException("pool request size out of range: expected 1..0x" + Integer.toHexString(MAX_SMALL)
                    + ", actual 0x" + Integer.toHexString(size) + " (tag 0x" + Integer.toHexString(tag) + ")");
        }
        int units = (size + header + header - 1) / header;
        Deque<Long> free = freeLists.get(units);
        long at = free != null && !free.isEmpty() ? free.pop() : carve(units);
        writeSizeAndType(at, units, poolType + 1); // PoolType in a header: POOL_TYPE + 1, 0 = free
        memory.put32(at + 4, tag & 0xffffffffL);
        PoolBlock block = new PoolBlock(at + header, tag, size, poolType);
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
        PoolBlock block = new PoolBlock(address, tag, size, poolType);
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
        long at = address - header;
        int units = blockUnits(at);
        writeSizeAndType(at, units, 0);
        freeLists.computeIfAbsent(units, u -> new ArrayDeque<>()).push(at);
        return block;
    }

    /** Bytes of one POOL_HEADER: 16 on x64, 8 on x86 (also the block-size unit). */
    public int headerSize() {
        return header;
    }

    private void writeSizeAndType(long at, int units, int type) {
        if (x86) {
            memory.put16(at + 2, units | type << 9);
        } else {
            memory.put8(at + 2, units);
            memory.put8(at + 3, type);
        }
    }

    private int blockUnits(long at) {
        return x86 ? memory.u8(at + 2) | (memory.u8(at + 3) & 1) << 8 : memory.u8(at + 2);
    }

    public int liveCount() {
        return live.size();
    }

    private long carve(int units) {
        int bytes = units * header;
        if (used + bytes > SparseMemory.PAGE_SIZE) {
            if (page + SparseMemory.PAGE_SIZE == bigStart) {
                throw new SimException("pool exhausted: small-block region " + Hex.u64(smallStart) + " - "
                        + Hex.u64(bigStart) + " full (" + live.size() + " live blocks, pool type " + poolType + ")");
            }
            page += SparseMemory.PAGE_SIZE;
            memory.map(page, SparseMemory.PAGE_SIZE);
            used = 0;
            previousUnits = 0;
        }
        long at = page + used;
        if (x86) {
            memory.put16(at, previousUnits);
        } else {
            memory.put8(at, previousUnits);
        }
        used += bytes;
        previousUnits = units;
        return at;
    }
}
