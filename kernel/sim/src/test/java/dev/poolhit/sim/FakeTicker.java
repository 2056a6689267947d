package dev.poolhit.sim;

import dev.poolhit.sim.machine.Ticker;

/** A ticker whose clock only moves when the machine parks: tests never sleep. */
public final class FakeTicker implements Ticker {
    private long now = 1_000_000_000L;
    private Runnable onPark = () -> { };

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void park(long nanos) {
        synchronized (this) {
            now += nanos;
        }
        onPark.run();
    }

    /** Runs {@code action} on every park (e.g. a break-in from "another thread" at a known moment). */
    public void onPark(Runnable action) {
        this.onPark = action;
    }
}
