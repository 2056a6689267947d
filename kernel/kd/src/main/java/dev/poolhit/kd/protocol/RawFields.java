package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/** Reads and writes 1/2/4/8-byte little-endian fields for the raw-byte struct records. */
final class RawFields {
    private RawFields() {}

    static long read(byte[] b, int offset, int width) {
        return switch (width) {
            case 1 -> LittleEndian.u8(b, offset);
            case 2 -> LittleEndian.u16(b, offset);
            case 4 -> LittleEndian.u32(b, offset);
            case 8 -> LittleEndian.u64(b, offset);
            default -> throw new IllegalArgumentException("field width " + width);
        };
    }

    static byte[] write(byte[] original, int offset, int width, long value) {
        byte[] b = original.clone();
        switch (width) {
            case 1 -> b[offset] = (byte) value;
            case 2 -> LittleEndian.put16(b, offset, (int) value);
            case 4 -> LittleEndian.put32(b, offset, value);
            case 8 -> LittleEndian.put64(b, offset, value);
            default -> throw new IllegalArgumentException("field width " + width);
        }
        return b;
    }
}
