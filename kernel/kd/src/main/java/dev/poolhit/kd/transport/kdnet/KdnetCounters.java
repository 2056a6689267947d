package dev.poolhit.kd.transport.kdnet;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counters behind {@link KdnetStats}: the reader thread counts, any thread reads. */
final class KdnetCounters {
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLongArray dropped = new AtomicLongArray(KdnetDrop.values().length);

    void received() {
        in.incrementAndGet();
    }

    void sent() {
        out.incrementAndGet();
    }

    void handshake() {
        handshakes.incrementAndGet();
    }

    void dropped(KdnetDrop reason) {
        dropped.incrementAndGet(reason.ordinal());
    }

    KdnetStats snapshot() {
        Map<KdnetDrop, Long> d = new EnumMap<>(KdnetDrop.class);
        for (KdnetDrop r : KdnetDrop.values()) {
            d.put(r, dropped.get(r.ordinal()));
        }
        return new KdnetStats(in.get(), out.get(), d, handshakes.get());
    }
}
