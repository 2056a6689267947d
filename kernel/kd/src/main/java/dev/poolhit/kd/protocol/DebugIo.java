package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * DBGKD_DEBUG_IO (16 bytes) plus the string: the payload of PACKET_TYPE_KD_DEBUG_IO
 * (kd-protocol.md 5.1).
 *
 * <pre>
 *   0x00 u32 ApiNumber (0x3230 PrintString, 0x3231 GetString)   0x04 u16 ProcessorLevel
 *   0x06 u16 Processor   0x08 u32 LengthOfString / LengthOfPromptString
 *   0x0C u32 PrintString: unused (junk) / GetString: LengthOfStringRead
 *   0x10 ...  string bytes, not NUL-terminated
 * </pre>
 */
public record DebugIo(int apiNumber, int processorLevel, int processor, int length, int secondLength,
                      byte[] data) {
    public static final int BYTES = 16;

    public DebugIo {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
    }

    /** A DbgPrint as a target sends it. */
    public static DebugIo print(int processor, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(DebugIoApi.PRINT_STRING.number(), 0, processor, bytes.length, 0, bytes);
    }

    public boolean is(DebugIoApi api) {
        return apiNumber == api.number();
    }

    /** The text, limited to the declared length and the bytes present. */
    public String text() {
        int n = Math.max(0, Math.min(length, data.length));
        return new String(data, 0, n, StandardCharsets.ISO_8859_1);
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES + data.length];
        LittleEndian.put32(out, 0, apiNumber);
        LittleEndian.put16(out, 4, processorLevel);
        LittleEndian.put16(out, 6, processor);
        LittleEndian.put32(out, 8, length);
        LittleEndian.put32(out, 12, secondLength);
        System.arraycopy(data, 0, out, BYTES, data.length);
        return out;
    }

    public static DebugIo decode(byte[] p) throws KdProtocolException {
        Structs.requireAtLeast(p, BYTES, "DBGKD_DEBUG_IO");
        return new DebugIo(LittleEndian.i32(p, 0), LittleEndian.u16(p, 4), LittleEndian.u16(p, 6),
                LittleEndian.i32(p, 8), LittleEndian.i32(p, 12), Structs.tail(p, BYTES));
    }

    public KdPacket toPacket(int id) {
        return KdPacket.data(PacketType.DEBUG_IO, id, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebugIo d && Arrays.equals(d.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("DebugIo[%s cpu=%d %d bytes]", DebugIoApi.describe(apiNumber), processor, data.length);
    }
}
