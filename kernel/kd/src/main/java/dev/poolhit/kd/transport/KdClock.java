package dev.poolhit.kd.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The time source of everything in the kd layer that waits. Production code uses {@link #system()};
 * tests inject a {@link ManualClock} and move time forward explicitly, so no test sleeps.
 */
public interface KdClock {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}; compare with subtraction. */
    long nanoTime();

    /**
     * Waits on {@code condition} (whose {@code lock} the caller holds) until it is signalled or this
     * clock reaches {@code deadlineNanos}. May return early; callers re-check their predicate.
     */
    void awaitUntil(Lock lock, Condition condition, long deadlineNanos) throws InterruptedException;

    static KdClock system() {
        return SystemClock.INSTANCE;
    }

    /** Deadline {@code nanos} from now, saturating instead of overflowing. */
    default long deadlineAfter(long nanos) {
        long now = nanoTime();
        long deadline = now + nanos;
        return (nanos > 0 && deadline - now < 0) ? now + Long.MAX_VALUE : deadline;
    }

    /** The real clock. */
    enum SystemClock implements KdClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void awaitUntil(Lock lock, Condition condition, long deadlineNanos) throws InterruptedException {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0) {
                condition.await(remaining, TimeUnit.NANOSECONDS);
            }
        }
    }
}
