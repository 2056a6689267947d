package dev.poolhit.pool.trace;

/**
 * Immutable copy of the interned stacks: per stack its slice of {@code stackFrames}; per distinct
 * frame its columns; strings by pool id.
 */
record StackData(int[] stackStart, int[] stackDepth, int[] stackFrames, long[] returnAddress,
                 long[] ip, long[] offset, int[] module, int[] function, int[] callSite,
                 String[] strings) {}
