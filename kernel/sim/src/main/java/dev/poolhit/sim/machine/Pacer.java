package dev.poolhit.sim.machine;

import java.util.function.BooleanSupplier;

/**
 * Spaces pool events {@code 1/eventsPerSecond} apart on the injected ticker, waiting in slices so
 * a break-in is noticed promptly; after a long stop it does not burst to catch up (at most one
 * second of backlog).
 */
final class Pacer {
    private static final long SLICE_NANOS = 10_000_000L;
    private static final long MAX_BACKLOG_NANOS = 1_000_000_000L;

    private final Ticker ticker;
    private final double eventsPerSecond;
    private long nextDue;

    Pacer(Ticker ticker, double eventsPerSecond) {
        this.ticker = ticker;
        this.eventsPerSecond = eventsPerSecond;
        this.nextDue = ticker.nanoTime();
    }

    /** Waits until the next event is due; false when {@code interrupted} became true while waiting. */
    boolean awaitNext(BooleanSupplier interrupted) {
        if (eventsPerSecond <= 0) {
            return true;
        }
        long now = ticker.nanoTime();
        while (now < nextDue) {
            if (interrupted.getAsBoolean()) {
                return false;
            }
            ticker.park(Math.min(nextDue - now, SLICE_NANOS));
            now = ticker.nanoTime();
        }
        nextDue = Math.max(nextDue, now - MAX_BACKLOG_NANOS) + (long) (1e9 / eventsPerSecond);
        return !interrupted.getAsBoolean();
    }

    /** After a stop: the next event is due no earlier than now. */
    void resumed() {
        nextDue = Math.max(nextDue, ticker.nanoTime());
    }
}
