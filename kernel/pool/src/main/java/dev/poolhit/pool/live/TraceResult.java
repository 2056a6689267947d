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
 */
public record TraceResult(int hits, TraceEnd end, String message, List<String> sites, Optional<RestoreReport> restore) {
    public TraceResult {
        sites = List.copyOf(sites);
    }
}
