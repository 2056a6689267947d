package dev.poolhit.jupyter.java;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Open once no cell has run for a quiet period. Background work that only makes later cells
 * faster (the compiler warm-up) waits here, so it never takes a core from a cell the user is
 * waiting for, nor from a burst of cells ("run all"), whose cells come a few milliseconds apart.
 */
final class CellGate {
    /** How long after the last cell ended background work may start again. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final LongSupplier nanoTime;
    private final long quietNanos;
    private int running;
    private int waiters;
    private long lastEnded;

    CellGate() {
        this(System::nanoTime, QUIET);
    }

    CellGate(LongSupplier nanoTime, Duration quiet) {
        this.nanoTime = nanoTime;
        this.quietNanos = quiet.toNanos();
        this.lastEnded = nanoTime.getAsLong() - quietNanos;
    }

    synchronized void cellStarted() {
        running++;
    }

    synchronized void cellEnded() {
        if (running > 0) {
            running--;
        }
        lastEnded = nanoTime.getAsLong();
        notifyAll();
    }

    /** Returns once no cell runs and none has ended within the quiet period. */
    synchronized void awaitIdle() throws InterruptedException {
        waiters++;
        try {
            while (true) {
                if (running > 0) {
                    wait();
                    continue;
                }
                long quietLeft = quietNanos - (nanoTime.getAsLong() - lastEnded);
                if (quietLeft <= 0) {
                    return;
                }
                wait(Math.max(1, quietLeft / 1_000_000));
            }
        } finally {
            waiters--;
        }
    }

    /** Threads blocked in {@link #awaitIdle()} right now (for tests that must not sleep). */
    synchronized int waiters() {
        return waiters;
    }
}
