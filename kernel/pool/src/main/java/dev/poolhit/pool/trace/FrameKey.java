package dev.poolhit.pool.trace;

/**
 * A frame without its {@code Child-SP}: the part shared by every hit that went through the same
 * call path. Strings are pool ids.
 */
record FrameKey(long returnAddress, long ip, int module, int function, long offset, int callSite) {}
