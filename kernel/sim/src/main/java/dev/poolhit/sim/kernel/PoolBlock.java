package dev.poolhit.sim.kernel;

/**
 * A live pool allocation: block address (just past its 16-byte POOL_HEADER, or page aligned for big
 * blocks), tag as passed, requested size and POOL_TYPE (0 non-paged, 1 paged).
 */
public record PoolBlock(long address, int tag, int size, int poolType) {}
