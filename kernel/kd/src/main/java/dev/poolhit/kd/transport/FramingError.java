package dev.poolhit.kd.transport;

/**
 * Bytes the framer had to throw away, with the rule they broke. The stream continues: the framer
 * has already resynchronised on the next leader.
 */
public record FramingError(Reason reason, String message) {
    /** What went wrong, for code that reacts (a session answers most with RESEND). */
    public enum Reason {
        /** Bytes outside any packet (line noise, partial leaders). */
        SKIPPED_BYTES,
        /** ByteCount above the framer's limit. */
        OVERSIZE,
        /** The byte after the payload was not 0xAA. */
        BAD_TRAILER,
        /** Checksum in the header differs from the payload's byte sum. */
        BAD_CHECKSUM,
        /** The stream ended inside a packet. */
        TRUNCATED,
        /** A whole datagram/packet failed to decode (KDNET and other packet transports). */
        MALFORMED
    }
}
