package dev.poolhit.kd.session;

/**
 * What the host side of a KD link has seen so far, as an immutable snapshot (for {@code %status}
 * and for fault tests): how hard the reliability layer had to work to get each packet through.
 *
 * @param packetsDelivered  data packets from the target accepted (repeats not counted)
 * @param resends           data packets the host sent again (ACK timeout or the target's RESEND)
 * @param badChecksums      packets thrown away because their checksum did not match (RESEND asked)
 * @param framingErrors     other broken frames: bad trailer, oversize, truncated, malformed
 * @param duplicatesDropped repeats of the last accepted packet, ACKed again and dropped
 * @param resets            RESETs sent or received (resynchronisations, including the connect)
 */
public record WireCounters(long packetsDelivered, long resends, long badChecksums, long framingErrors,
                           long duplicatesDropped, long resets) {
    public static final WireCounters ZERO = new WireCounters(0, 0, 0, 0, 0, 0);

    /** One line for a status display. */
    public String summary() {
        return String.format("%d packets in, %d resent, %d bad checksums, %d other framing errors,"
                + " %d duplicates dropped, %d resets", packetsDelivered, resends, badChecksums, framingErrors,
                duplicatesDropped, resets);
    }
}
