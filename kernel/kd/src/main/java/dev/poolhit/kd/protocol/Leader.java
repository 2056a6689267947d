package dev.poolhit.kd.protocol;

import java.util.Optional;

/** The two KD_PACKET leaders: four identical bytes that start every packet (kd-protocol.md 1.1). */
public enum Leader {
    /** PACKET_LEADER {@code "0000"}: a data packet with a payload. */
    DATA(0x30303030),
    /** CONTROL_PACKET_LEADER {@code "iiii"}: ACK / RESEND / RESET, no payload. */
    CONTROL(0x69696969);

    private final int value;

    Leader(int value) {
        this.value = value;
    }

    /** The 32-bit value as read little-endian from the wire. */
    public int value() {
        return value;
    }

    /** The repeated leader byte ({@code 0x30} or {@code 0x69}). */
    public int leaderByte() {
        return value & 0xff;
    }

    public static Optional<Leader> of(int value) {
        return WireNumbers.find(values(), Leader::value, value);
    }

    public static Optional<Leader> ofByte(int b) {
        return WireNumbers.find(values(), Leader::leaderByte, b & 0xff);
    }
}
