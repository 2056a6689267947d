package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * UNICODE_STRING on x64 (16 bytes): 0x0 u16 Length (bytes, no NUL), 0x2 u16 MaximumLength,
 * 0x4 u32 (padding), 0x8 u64 Buffer.
 */
public record UnicodeString64(int length, int maximumLength, int padding, long buffer) {
    public static final int BYTES = 16;

    public static UnicodeString64 of(int length, int maximumLength, long buffer) {
        return new UnicodeString64(length, maximumLength, 0, buffer);
    }

    static UnicodeString64 decode(byte[] b, int off) {
        return new UnicodeString64(LittleEndian.u16(b, off), LittleEndian.u16(b, off + 2), LittleEndian.i32(b, off + 4),
                LittleEndian.u64(b, off + 8));
    }

    void writeTo(byte[] b, int off) {
        LittleEndian.put16(b, off, length);
        LittleEndian.put16(b, off + 2, maximumLength);
        LittleEndian.put32(b, off + 4, padding);
        LittleEndian.put64(b, off + 8, buffer);
    }

    public static UnicodeString64 decode(byte[] b) throws KdProtocolException {
        Structs.requireExactly(b, BYTES, "UNICODE_STRING64");
        return decode(b, 0);
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        writeTo(b, 0);
        return b;
    }
}
