package dev.poolhit.common;

import java.util.HexFormat;

/**
 * The one place addresses and byte strings are turned into text and back.
 *
 * <p>Addresses are {@code long} values read as unsigned 64-bit numbers. They print the way WinDbg
 * prints them, so that output can be pasted into a debugger and compared with kd logs:
 * {@code fffff880`04ec1860} for a full 64-bit address, {@code 00000000`0012f930} for a low one,
 * and 8 digits ({@code 8059cec8}) where the target is 32-bit.
 */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {}

    /** WinDbg style 64-bit address: 16 lower-case digits with a backtick between the halves. */
    public static String u64(long address) {
        String digits = String.format("%016x", address);
        return digits.substring(0, 8) + '`' + digits.substring(8);
    }

    /** WinDbg style 32-bit address (x86 targets): 8 lower-case digits. */
    public static String u32(long address) {
        return String.format("%08x", address & 0xffffffffL);
    }

    /** {@code 0x} prefixed unsigned hex with no padding, as WinDbg prints offsets ({@code +0x82e}). */
    public static String offset(long value) {
        return "0x" + Long.toHexString(value);
    }

    /**
     * Parses an address as a person types it in a debugger: {@code fffff880`04ec1860},
     * {@code 0xfffff88004ec1860}, {@code fffff88004ec1860}. The text is always hex, with or
     * without the {@code 0x} prefix; at most 16 digits.
     *
     * @throws NumberFormatException with a message naming the rule that was broken
     */
    public static long parseAddress(String text) {
        String s = text.strip().replace("`", "");
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            throw new NumberFormatException("empty address: '" + text + "'");
        }
        if (s.length() > 16) {
            throw new NumberFormatException("address longer than 64 bits: '" + text + "'");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new NumberFormatException("not a hex address: '" + text + "'");
            }
        }
        return Long.parseUnsignedLong(s, 16);
    }

    /** Lower-case hex of every byte, no separators. */
    public static String bytes(byte[] data) {
        return LOWER.formatHex(data);
    }

    /** Lower-case hex of {@code length} bytes from {@code offset}, no separators. */
    public static String bytes(byte[] data, int offset, int length) {
        return LOWER.formatHex(data, offset, offset + length);
    }

    /**
     * Decodes annotated hex, as golden bytes are written in tests and resources: whitespace is
     * ignored, and {@code #} starts a comment that runs to the end of the line.
     */
    public static byte[] decode(String annotated) {
        StringBuilder digits = new StringBuilder(annotated.length());
        for (String line : annotated.split("\n", -1)) {
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (!Character.isWhitespace(c)) {
                    digits.append(c);
                }
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        return LOWER.parseHex(digits);
    }

    /**
     * Classic 16-bytes-a-line dump with offsets and ASCII, for wire logs and debugging output.
     */
    public static String dump(byte[] data, int offset, int length) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < length; line += 16) {
            int n = Math.min(16, length - line);
            out.append(String.format("%04x  ", line));
            for (int i = 0; i < 16; i++) {
                out.append(i < n ? String.format("%02x ", data[offset + line + i] & 0xff) : "   ");
                if (i == 7) {
                    out.append(' ');
                }
            }
            out.append(' ');
            for (int i = 0; i < n; i++) {
                int b = data[offset + line + i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
