package dev.poolhit.kd.transport;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.LinkClosedException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounded hand-over of {@link LinkEvent}s from a link's reader thread to the one consumer, with
 * deadlines measured on an injected {@link KdClock}. When full the reader blocks (back-pressure),
 * so a flooding peer cannot grow memory without bound.
 */
public final class LinkEventQueue {
    public static final int DEFAULT_CAPACITY = 1024;

    private final KdClock clock;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LinkEvent> events = new ArrayDeque<>();
    private LinkClosedException closed;

    public LinkEventQueue(KdClock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Reader side: appends, blocking while full; drops the event if the queue was closed. */
    public void put(LinkEvent event) throws InterruptedException {
        lock.lock();
        try {
            while (events.size() >= capacity && closed == null) {
                changed.await();
            }
            if (closed == null) {
                events.addLast(event);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end; the consumer sees queued events first, then {@code cause}. Idempotent. */
    public void close(LinkClosedException cause) {
        lock.lock();
        try {
            if (closed == null) {
                closed = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed != null;
        } finally {
            lock.unlock();
        }
    }

    /** The next event, or {@code null} once {@link #clock} passes {@code deadlineNanos}. */
    public LinkEvent take(long deadlineNanos) throws KdException {
        lock.lock();
        try {
            while (events.isEmpty()) {
                if (closed != null) {
                    throw new LinkClosedException(closed.getMessage(), closed.getCause());
                }
                if (clock.nanoTime() - deadlineNanos >= 0) {
                    return null;
                }
                clock.awaitUntil(lock, changed, deadlineNanos);
            }
            LinkEvent e = events.removeFirst();
            changed.signalAll();
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KdInterruptedException("interrupted while waiting for a KD packet");
        } finally {
            lock.unlock();
        }
    }
}
