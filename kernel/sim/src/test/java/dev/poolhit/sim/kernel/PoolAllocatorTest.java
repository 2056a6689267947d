package dev.poolhit.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.sim.SimException;
import dev.poolhit.sim.memory.SparseMemory;
import org.junit.jupiter.api.Test;

class PoolAllocatorTest {
    private final SparseMemory memory = new SparseMemory();
    private final PoolAllocator pool = new PoolAllocator(memory, PoolAllocator.NON_PAGED_POOL);

    @Test
    void smallBlocksCarryAPoolHeaderAndAreReusedAfterFree() {
        PoolBlock a = pool.allocate(0x3261654c, 0x100);
        assertEquals(PoolAllocator.POOL_START + 0x10, a.address());
        long header = a.address() - 0x10;
        assertEquals(0x11, memory.u8(header + 2), "BlockSize in 16-byte units incl. header");
        assertEquals(1, memory.u8(header + 3), "PoolType NonPagedPool + 1");
        assertEquals(0x3261654c, memory.u32(header + 4), "PoolTag");
        PoolBlock b = pool.allocate(0x20707249, 0x100);
        assertEquals(0x11, memory.u8(b.address() - 0x10), "PreviousSize");
        pool.free(a.address());
        assertEquals(0, memory.u8(header + 3), "free block has PoolType 0");
        assertEquals(a.address(), pool.allocate(0x3161654c, 0xf8).address());
    }

    @Test
    void pagedPoolLivesInThePagedRangeWithItsTypeInTheHeader() {
        PoolAllocator paged = new PoolAllocator(memory, PoolAllocator.PAGED_POOL);
        PoolBlock block = paged.allocate(0x3161654c, 0x40);
        assertEquals(0xfffff8a001000010L, block.address());
        assertEquals(2, memory.u8(block.address() - 0x10 + 3), "PoolType PagedPool + 1");
        assertEquals(1, block.poolType());
    }

    @Test
    void bigBlocksArePageAlignedWithoutHeader() {
        PoolBlock big = pool.allocateBig(0x74536d4d, 0x1800);
        assertEquals(PoolAllocator.BIG_POOL_START, big.address());
        assertEquals(0x1800, pool.free(big.address()).size());
        assertEquals(big.address(), pool.allocateBig(0x74536d4d, 0x2000).address());
    }

    @Test
    void badRequestsAreRejected() {
        assertEquals("free of a block not allocated: fffffa80`03c00010",
                assertThrows(SimException.class, () -> pool.free(0xfffffa8003c00010L)).getMessage());
        assertEquals("pool request size out of range: expected 1..0xfe0, actual 0x0 (tag 0x3261654c)",
                assertThrows(SimException.class, () -> pool.allocate(0x3261654c, 0)).getMessage());
    }
}
