package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * UNICODE_STRING on x86 (8 bytes, kd-protocol.md 12.6): 0x0 u16 Length (bytes, no NUL),
 * 0x2 u16 MaximumLength, 0x4 u32 Buffer. {@code buffer} holds the 32-bit address zero-extended.
 */
public record UnicodeString32(int length, int maximumLength, long buffer) {
    public static final int BYTES = 8;

    static UnicodeString32 decode(byte[] b, int off) {
        return new UnicodeString32(LittleEndian.u16(b, off), LittleEndian.u16(b, off + 2), LittleEndian.u32(b, off + 4));
    }

    void writeTo(byte[] b, int off) {
        LittleEndian.put16(b, off, length);
        LittleEndian.put16(b, off + 2, maximumLength);
        LittleEndian.put32(b, off + 4, buffer);
    }

    public static UnicodeString32 decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "UNICODE_STRING32");
        return decode(b, 0);
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        writeTo(b, 0);
        return b;
    }
}
