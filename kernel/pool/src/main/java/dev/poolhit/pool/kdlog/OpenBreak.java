package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.trace.Missing;

/** A PoolHitTag break seen in the log (banner) that has not been continued yet. */
final class OpenBreak {
    String siteSymbol = Missing.TEXT;
    long siteAddress = Missing.LONG;
    int processor = Missing.INT;
    boolean hasStack;
    /** 0: banner seen, symbol line may follow; 1: disassembly line may follow; 2: done. */
    int bannerStep;
}
