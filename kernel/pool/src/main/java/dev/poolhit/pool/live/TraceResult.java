package dev.poolhit.pool.live;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a {@link TraceRun}; the hits themselves are in the recorder's trace.
 *
 * @param hits     hits recorded
 * @param end      why it ended
 * @param message  one line for the notebook (the reason in words)
 * @param sites    the PoolHitTag check sites seen ({@code int 3} addresses, symbolized)
 * @param restore  what the restorer did, when the end called it
 * @param relink   for LINK_LOST with a {@link Relinker}: what reconnecting did (its session is the one to use from now on)
 */
public record TraceResult(int hits, TraceEnd end, String message, List<String> sites, Optional<RestoreReport> restore,
                          Optional<RelinkResult> relink) {
    public TraceResult {
        sites = List.copyOf(sites);
    }

    public TraceResult(int hits, TraceEnd end, String message, List<String> sites, Optional<RestoreReport> restore) {
        this(hits, end, message, sites, restore, Optional.empty());
    }
}
