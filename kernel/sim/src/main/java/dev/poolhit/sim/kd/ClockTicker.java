package dev.poolhit.sim.kd;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.sim.machine.Ticker;

/**
 * The machine's {@link Ticker} on the adapter's {@link KdClock}, so ground-truth times and link
 * timing share one time base. The engine paces the workload itself, so {@link #park} is only a
 * bounded real pause (never used while the machine runs at "as fast as possible").
 */
final class ClockTicker implements Ticker {
    private final KdClock clock;

    ClockTicker(KdClock clock) {
        this.clock = clock;
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public void park(long nanos) {
        java.util.concurrent.locks.LockSupport.parkNanos(Math.min(nanos, 1_000_000L));
    }
}
