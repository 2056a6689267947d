package dev.poolhit.kd.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A {@link KdClock} that only moves when told to: for tests and simulations. Threads waiting for a
 * deadline block until {@link #advance} passes it (or they are signalled for another reason).
 *
 * <p>{@link #advanceWhenWaiting} first blocks until some thread is waiting on this clock, so a test
 * can expire "the ACK timeout the session is now waiting for" without races and without sleeping.
 */
public final class ManualClock implements KdClock {
    private record Waiter(Lock lock, Condition condition, long deadline) {}

    private final List<Waiter> waiters = new ArrayList<>();
    private long now;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void awaitUntil(Lock lock, Condition condition, long deadlineNanos) throws InterruptedException {
        Waiter w = new Waiter(lock, condition, deadlineNanos);
        synchronized (this) {
            if (now - deadlineNanos >= 0) {
                return;
            }
            waiters.add(w);
            notifyAll();
        }
        try {
            condition.await();
        } finally {
            synchronized (this) {
                waiters.remove(w);
            }
        }
    }

    /** Moves time forward and wakes every waiter so it can re-check its deadline. */
    public void advance(Duration step) {
        List<Waiter> toWake;
        synchronized (this) {
            now += step.toNanos();
            toWake = List.copyOf(waiters);
        }
        for (Waiter w : toWake) {
            w.lock().lock();
            try {
                w.condition().signalAll();
            } finally {
                w.lock().unlock();
            }
        }
    }

    /** Number of threads currently waiting on this clock. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /**
     * Blocks (up to {@code realLimit} of real time, as a safety net against a broken test) until a
     * thread waits on this clock, then advances by {@code step}.
     *
     * @throws IllegalStateException if nobody started waiting within {@code realLimit}
     */
    public void advanceWhenWaiting(Duration step, Duration realLimit) throws InterruptedException {
        awaitWaiter(w -> true, realLimit, "no thread waited on the clock within " + realLimit);
        advance(step);
    }

    /**
     * Advances by {@code step} once a thread waits for a deadline at least {@code step} away: e.g. past
     * a 1 s ACK wait into a 10 s response wait, whatever the reader thread has decoded by then.
     *
     * @throws IllegalStateException if no such wait started within 10 s of real time
     */
    public void advanceWhenWaitingAtLeast(Duration step) throws InterruptedException {
        awaitWaiter(w -> w.deadline() - now >= step.toNanos(), Duration.ofSeconds(10),
                "no thread waited " + step + " or longer on the clock within 10 s");
        advance(step);
    }

    /** Blocks until a waiter matches (checked under this clock's lock), at most {@code realLimit} of real time. */
    private synchronized void awaitWaiter(java.util.function.Predicate<Waiter> match, Duration realLimit, String failure)
            throws InterruptedException {
        long end = System.nanoTime() + realLimit.toNanos();
        while (waiters.stream().noneMatch(match)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(failure);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** {@link #advanceWhenWaiting(Duration, Duration)} with a 10 s safety net. */
    public void advanceWhenWaiting(Duration step) throws InterruptedException {
        advanceWhenWaiting(step, Duration.ofSeconds(10));
    }
}
