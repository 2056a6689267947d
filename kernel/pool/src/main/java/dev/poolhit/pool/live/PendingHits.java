package dev.poolhit.pool.live;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.trace.Hit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Hits in arrival order, held back while an allocation waits for its returned block (pair mode),
 * so the recording keeps the target's order. A hit leaves as soon as it and all before it are complete.
 */
final class PendingHits {
    private static final class Entry {
        Hit hit;
        final long returnAddress;
        boolean waiting;

        Entry(Hit hit, long returnAddress, boolean waiting) {
            this.hit = hit;
            this.returnAddress = returnAddress;
            this.waiting = waiting;
        }
    }

    private final Deque<Entry> queue = new ArrayDeque<>();
    private final TraceRecorder recorder;

    PendingHits(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    void add(Hit hit) {
        queue.addLast(new Entry(hit, 0, false));
        drain();
    }

    void addWaiting(Hit hit, long returnAddress) {
        queue.addLast(new Entry(hit, returnAddress, true));
    }

    /** Whether some allocation of {@code thread} waits at {@code returnAddress}. */
    boolean waitsAt(long returnAddress, long thread) {
        return find(returnAddress, thread) != null;
    }

    /** Whether any allocation waits at {@code returnAddress}. */
    boolean anyWaitsAt(long returnAddress) {
        return queue.stream().anyMatch(e -> e.waiting && e.returnAddress == returnAddress);
    }

    boolean anyWaiting() {
        return queue.stream().anyMatch(e -> e.waiting);
    }

    /** Gives the oldest allocation of {@code thread} waiting at {@code returnAddress} its block. */
    void complete(long returnAddress, long thread, long block) {
        Entry e = find(returnAddress, thread);
        if (e != null) {
            Hit h = e.hit;
            e.hit = new Hit(h.time(), h.kind(), h.tag(), h.size(), block, h.processor(), h.thread(), h.process(),
                    h.siteAddress(), h.siteSymbol(), h.frames());
            e.waiting = false;
            drain();
        }
    }

    /** Records everything still held, unresolved blocks left missing. */
    void flushAll() {
        for (Entry e : queue) {
            recorder.record(e.hit);
        }
        queue.clear();
    }

    private Entry find(long returnAddress, long thread) {
        Iterator<Entry> it = queue.iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.waiting && e.returnAddress == returnAddress && e.hit.thread() == thread) {
                return e;
            }
        }
        return null;
    }

    private void drain() {
        while (!queue.isEmpty() && !queue.peekFirst().waiting) {
            recorder.record(queue.removeFirst().hit);
        }
    }
}
