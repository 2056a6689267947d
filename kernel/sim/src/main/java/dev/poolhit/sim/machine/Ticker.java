package dev.poolhit.sim.machine;

import java.util.concurrent.locks.LockSupport;

/**
 * Time for the run loop's pacing, injected so tests never sleep: a fake ticker advances its clock
 * when asked to park. {@link #park} may return early (break-in wakes the running thread).
 */
public interface Ticker {
    long nanoTime();

    /** Waits up to {@code nanos}; returns early when {@link Thread#interrupt} or unpark hits the caller. */
    void park(long nanos);

    /** The real clock ({@link System#nanoTime}) parking with {@link LockSupport}. */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }
}
