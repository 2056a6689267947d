package dev.poolhit.kd.transport.kdnet;

/** Why a KDNET datagram was dropped before (or instead of) being decoded; each has a counter. */
public enum KdnetDrop {
    /** Authentication failed: wrong key, corruption or forgery. The body is never decoded. */
    BAD_HMAC,
    /** Shorter than 6 + 16 + 16 bytes or not block aligned. */
    TRUNCATED,
    /** Longer than {@link KdnetHostCodec#MAX_DATAGRAM} bytes. */
    OVERSIZED,
    /** A data sequence number not above the last one accepted from that sender. */
    REPLAYED,
    /** Channel byte other than 0 (data) or 1 (control). */
    UNKNOWN_CHANNEL,
    /** A data datagram before any handshake (no data key yet). */
    BEFORE_HANDSHAKE,
    /** Authentic but unusable: bad magic, wrong direction bit, malformed poke. */
    MALFORMED,
    /** From an address other than the {@code target=} one. */
    FOREIGN_SOURCE
}
