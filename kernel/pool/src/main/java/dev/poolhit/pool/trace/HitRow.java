package dev.poolhit.pool.trace;

import java.util.Objects;

/**
 * A hit whose stack is already interned: what the trace file loader and the generator append
 * without rebuilding {@link Frame} objects. {@code tag} is the unsigned tag value or
 * {@link Missing#LONG}; {@code childSp} has one entry per frame of stack {@code stackId}.
 */
public record HitRow(long time, HitKind kind, long tag, long size, long address, int processor,
                     long thread, long process, long siteAddress, String siteSymbol, int stackId,
                     long[] childSp) {
    public HitRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(siteSymbol, "siteSymbol (use Missing.TEXT)");
        Objects.requireNonNull(childSp, "childSp");
    }
}
