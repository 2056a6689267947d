package dev.poolhit.common;

/**
 * Little-endian reads and writes on byte arrays: the byte order of every KD structure, PE and PDB
 * field. Bounds are checked by the JVM ({@link ArrayIndexOutOfBoundsException}); parsers of
 * untrusted input check lengths first and report their own errors.
 */
public final class LittleEndian {
    private LittleEndian() {}

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    /** Unsigned 32-bit value widened to a long. */
    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffffffffL;
    }

    public static int i32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    public static long u64(byte[] b, int off) {
        return (i32(b, off) & 0xffffffffL) | ((long) i32(b, off + 4)) << 32;
    }

    public static void put16(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
    }

    public static void put32(byte[] b, int off, long value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 16);
        b[off + 3] = (byte) (value >>> 24);
    }

    public static void put64(byte[] b, int off, long value) {
        put32(b, off, value);
        put32(b, off + 4, value >>> 32);
    }
}
