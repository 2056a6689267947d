package dev.poolhit.kd.protocol;

import java.util.Optional;

/** KD_PACKET PacketType values (kd-protocol.md 2); the Microsoft name stays searchable. */
public enum PacketType {
    UNUSED(0, "PACKET_TYPE_UNUSED"),
    STATE_CHANGE32(1, "PACKET_TYPE_KD_STATE_CHANGE32"),
    STATE_MANIPULATE(2, "PACKET_TYPE_KD_STATE_MANIPULATE"),
    DEBUG_IO(3, "PACKET_TYPE_KD_DEBUG_IO"),
    ACKNOWLEDGE(4, "PACKET_TYPE_KD_ACKNOWLEDGE"),
    RESEND(5, "PACKET_TYPE_KD_RESEND"),
    RESET(6, "PACKET_TYPE_KD_RESET"),
    STATE_CHANGE64(7, "PACKET_TYPE_KD_STATE_CHANGE64"),
    POLL_BREAKIN(8, "PACKET_TYPE_KD_POLL_BREAKIN"),
    TRACE_IO(9, "PACKET_TYPE_KD_TRACE_IO"),
    CONTROL_REQUEST(10, "PACKET_TYPE_KD_CONTROL_REQUEST"),
    FILE_IO(11, "PACKET_TYPE_KD_FILE_IO");

    private final int value;
    private final String wireName;

    PacketType(int value, String wireName) {
        this.value = value;
        this.wireName = wireName;
    }

    public int value() {
        return value;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PacketType> of(int value) {
        return WireNumbers.find(values(), PacketType::value, value);
    }

    /** Name for logs: {@code STATE_MANIPULATE} or {@code type 0x0042} when unknown. */
    public static String describe(int value) {
        return of(value).map(Enum::name).orElseGet(() -> String.format("type 0x%04x", value));
    }

    @Override
    public String toString() {
        return name() + " (" + wireName + " " + value + ")";
    }
}
