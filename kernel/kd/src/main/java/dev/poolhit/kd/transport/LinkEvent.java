package dev.poolhit.kd.transport;

import dev.poolhit.kd.protocol.KdPacket;

/** What a {@link PacketLink} delivers: a whole packet, a break-in byte, or a framing error. */
public sealed interface LinkEvent {
    /** A complete, checksum-verified KD packet. */
    record Packet(KdPacket packet) implements LinkEvent {}

    /** A lone break-in byte 0x62 seen outside any packet (interesting to a target). */
    record BreakIn() implements LinkEvent {}

    /** Discarded input; the link has resynchronised. */
    record Garbage(FramingError error) implements LinkEvent {}
}
