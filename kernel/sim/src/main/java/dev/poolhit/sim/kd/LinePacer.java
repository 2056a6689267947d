package dev.poolhit.sim.kd;

import dev.poolhit.kd.transport.KdClock;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a serial line's speed limit: bytes pass no faster than {@code baud / 10} per
 * second (start bit, 8 data bits, stop bit), measured and waited on an injected {@link KdClock}.
 */
final class LinePacer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int BITS_PER_BYTE = 10;

    private final KdClock clock;
    private final long baud;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition never = lock.newCondition();
    private long lineFreeAt;

    LinePacer(KdClock clock, long baud) {
        this.clock = clock;
        this.baud = baud;
        this.lineFreeAt = clock.nanoTime();
    }

    /** Blocks until {@code bytes} more bytes have had time to cross the line. */
    void pass(int bytes) throws InterruptedIOException {
        if (baud <= 0 || bytes <= 0) {
            return;
        }
        long cost = (long) Math.ceil((double) bytes * BITS_PER_BYTE * NANOS_PER_SECOND / baud);
        lock.lock();
        try {
            long now = clock.nanoTime();
            lineFreeAt = (now - lineFreeAt > 0 ? now : lineFreeAt) + cost;
            waitUntil(lineFreeAt);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks for {@code nanos} of clock time (a delayed write). */
    void hold(long nanos) throws InterruptedIOException {
        lock.lock();
        try {
            waitUntil(clock.deadlineAfter(nanos));
        } finally {
            lock.unlock();
        }
    }

    private void waitUntil(long deadline) throws InterruptedIOException {
        try {
            while (clock.nanoTime() - deadline < 0) {
                clock.awaitUntil(lock, never, deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing the line");
        }
    }
}
