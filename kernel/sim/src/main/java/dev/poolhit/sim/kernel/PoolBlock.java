package dev.poolhit.sim.kernel;

/** A live pool allocation: block address (just past its 16-byte POOL_HEADER), tag and requested size. */
public record PoolBlock(long address, int tag, int size) {}
