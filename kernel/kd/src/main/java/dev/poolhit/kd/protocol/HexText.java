package dev.poolhit.kd.protocol;

/**
 * Fixed-width hex for error messages on hot paths ({@code String.format} is costly when hostile
 * input makes every decoder fail).
 */
public final class HexText {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexText() {}

    /** {@code 0x} and 8 lower-case digits. */
    public static String hex32(int value) {
        return "0x" + digits(value & 0xffffffffL, 8);
    }

    /** {@code 0x} and 4 lower-case digits. */
    public static String hex16(int value) {
        return "0x" + digits(value & 0xffff, 4);
    }

    /** {@code 0x} and 2 lower-case digits. */
    public static String hex8(int value) {
        return "0x" + digits(value & 0xff, 2);
    }

    private static String digits(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = DIGITS[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(out);
    }
}
