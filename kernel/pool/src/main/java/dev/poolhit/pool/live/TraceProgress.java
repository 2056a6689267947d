package dev.poolhit.pool.live;

/** Progress of a trace for a progress bar; called on the trace worker thread after each recorded hit. */
@FunctionalInterface
public interface TraceProgress {
    void update(int hits, int wanted);

    TraceProgress NONE = (hits, wanted) -> { };
}
