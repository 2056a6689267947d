package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;

/**
 * One KD packet as carried by every transport: the 16-byte KD_PACKET header plus payload
 * (kd-protocol.md 1.2). The serial 0xAA trailer is the KDCOM framer's business, not part of this.
 *
 * <pre>
 *   0x00 u32 PacketLeader  "0000" data / "iiii" control
 *   0x04 u16 PacketType
 *   0x06 u16 ByteCount     payload bytes (0 for control packets)
 *   0x08 u32 PacketId
 *   0x0C u32 Checksum      byte sum of the payload (0 for control packets)
 * </pre>
 *
 * <p>{@code type} is kept as the raw u16 so packets of unknown type survive a round trip;
 * {@link #packetType()} names it. The payload array is not copied: treat it as read-only.
 */
public record KdPacket(Leader leader, int type, int id, byte[] payload) {
    public static final int HEADER_BYTES = 16;
    /** PACKET_MAX_SIZE of ReactOS/Windows kdcom: the largest payload a target sends or accepts. */
    public static final int MAX_PAYLOAD = 4000;
    /** INITIAL_PACKET_ID: first id after (re)synchronisation. */
    public static final int INITIAL_PACKET_ID = 0x80800000;
    /** SYNC_PACKET_ID: OR-ed into a target's first id after init; masked off in ACKs. */
    public static final int SYNC_PACKET_ID = 0x00000800;
    /** The single break-in byte 'b' sent outside any packet. */
    public static final int BREAKIN_BYTE = 0x62;
    /** PACKET_TRAILING_BYTE after every serial data packet. */
    public static final int TRAILER_BYTE = 0xAA;

    public KdPacket {
        if (leader == null || payload == null) {
            throw new IllegalArgumentException("leader and payload must not be null");
        }
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("packet type out of u16 range: " + type);
        }
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("payload longer than a u16 byte count: " + payload.length);
        }
        if (leader == Leader.CONTROL && payload.length != 0) {
            throw new IllegalArgumentException("control packet with payload of " + payload.length + " bytes");
        }
    }

    public static KdPacket data(PacketType type, int id, byte[] payload) {
        return new KdPacket(Leader.DATA, type.value(), id, payload);
    }

    public static KdPacket control(PacketType type, int id) {
        return new KdPacket(Leader.CONTROL, type.value(), id, new byte[0]);
    }

    public static KdPacket ack(int id) {
        return control(PacketType.ACKNOWLEDGE, id & ~SYNC_PACKET_ID);
    }

    public static KdPacket resend() {
        return control(PacketType.RESEND, 0);
    }

    public static KdPacket reset() {
        return control(PacketType.RESET, 0);
    }

    public boolean isControl() {
        return leader == Leader.CONTROL;
    }

    public boolean is(PacketType t) {
        return type == t.value();
    }

    public java.util.Optional<PacketType> packetType() {
        return PacketType.of(type);
    }

    /** ByteCount as it goes on the wire. */
    public int byteCount() {
        return payload.length;
    }

    /** Checksum as it goes on the wire (0 for control packets). */
    public int checksum() {
        return checksum(payload, 0, payload.length);
    }

    /** Unsigned byte sum in a 32-bit accumulator, no complement, no folding (kd-protocol.md 1.3). */
    public static int checksum(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i] & 0xff;
        }
        return sum;
    }

    /** Header plus payload, no serial trailer (the KDNET body, or the core of a KDCOM frame). */
    public byte[] encode() {
        byte[] out = new byte[HEADER_BYTES + payload.length];
        writeHeader(out);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    void writeHeader(byte[] out) {
        LittleEndian.put32(out, 0, leader.value());
        LittleEndian.put16(out, 4, type);
        LittleEndian.put16(out, 6, payload.length);
        LittleEndian.put32(out, 8, id);
        LittleEndian.put32(out, 12, checksum());
    }

    /**
     * Decodes one complete packet (header plus exactly ByteCount payload bytes, no trailer), as
     * found in a KDNET datagram. Checks leader, length and checksum.
     */
    public static KdPacket decode(byte[] bytes) throws KdProtocolException {
        if (bytes.length < HEADER_BYTES) {
            throw new KdProtocolException("KD packet too short: expected at least 16 bytes, got " + bytes.length);
        }
        int leaderValue = LittleEndian.i32(bytes, 0);
        Leader leader = Leader.of(leaderValue).orElseThrow(() -> new KdProtocolException(
                "bad packet leader: expected 0x30303030 or 0x69696969, got " + HexText.hex32(leaderValue)));
        int type = LittleEndian.u16(bytes, 4);
        int byteCount = LittleEndian.u16(bytes, 6);
        int id = LittleEndian.i32(bytes, 8);
        int headerSum = LittleEndian.i32(bytes, 12);
        if (leader == Leader.CONTROL) {
            if (bytes.length != HEADER_BYTES || byteCount != 0) {
                throw new KdProtocolException("control packet with payload: byte count " + byteCount + ", "
                        + (bytes.length - HEADER_BYTES) + " bytes after header (packet id " + HexText.hex32(id) + ")");
            }
            return new KdPacket(leader, type, id, new byte[0]);
        }
        if (byteCount != bytes.length - HEADER_BYTES) {
            throw new KdProtocolException("byte count mismatch: header " + byteCount + ", actual "
                    + (bytes.length - HEADER_BYTES) + " (packet id " + HexText.hex32(id) + ")");
        }
        byte[] payload = Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length);
        verifyChecksum(headerSum, payload, id);
        return new KdPacket(leader, type, id, payload);
    }

    /** The checksum rule with its exact message, shared by every decoder. */
    public static void verifyChecksum(int headerSum, byte[] payload, int id) throws KdProtocolException {
        int computed = checksum(payload, 0, payload.length);
        if (computed != headerSum) {
            throw new KdProtocolException("checksum mismatch: header " + HexText.hex32(headerSum) + ", computed "
                    + HexText.hex32(computed) + " (packet id " + HexText.hex32(id) + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdPacket p && p.leader == leader && p.type == type && p.id == id
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((leader.hashCode() * 31 + type) * 31 + id) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format("KdPacket[%s %s id=0x%08x len=%d]", leader, PacketType.describe(type), id, payload.length);
    }
}
