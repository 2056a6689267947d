package dev.poolhit.kd.transport.kdnet;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A snapshot of a KDNET link's counters, for {@code %status}.
 *
 * @param datagramsIn  UDP datagrams received (including dropped ones)
 * @param datagramsOut UDP datagrams sent (handshake responses included)
 * @param dropped      dropped datagrams by reason (every reason present, zero if none)
 * @param handshakes   handshakes completed (more than one: the target rebooted or was replaced)
 */
public record KdnetStats(long datagramsIn, long datagramsOut, Map<KdnetDrop, Long> dropped, long handshakes) {
    public KdnetStats {
        dropped = Map.copyOf(dropped);
    }

    public long dropped(KdnetDrop reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** E.g. {@code datagrams in 120, out 118, handshakes 1, dropped 2 (BAD_HMAC 1, REPLAYED 1)}. */
    public String summary() {
        String reasons = dropped.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "datagrams in " + datagramsIn + ", out " + datagramsOut + ", handshakes " + handshakes + ", dropped "
                + droppedTotal() + (reasons.isEmpty() ? "" : " (" + reasons + ")");
    }
}
