package dev.poolhit.pool.file;

/**
 * Fast hex for the trace file's hot columns, a million rows at a time: the same text as
 * {@code Hex.u64} ({@code fffff880`04ec1860}) without {@code String.format}. Parsing accepts what
 * {@code Hex.parseAddress} accepts; failures return {@code null}-like flags to the caller, which
 * names the entry and line.
 */
final class HexText {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexText() {}

    /** Appends {@code v} as 16 digits with a backtick after the eighth. */
    static void appendU64(StringBuilder out, long v) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (v >>> shift) & 0xf]);
            if (shift == 32) {
                out.append('`');
            }
        }
    }

    /** Appends {@code v} as unpadded lower-case hex. */
    static void appendHex(StringBuilder out, long v) {
        int shift = 60;
        while (shift > 0 && ((v >>> shift) & 0xf) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (v >>> shift) & 0xf]);
        }
    }

    /**
     * Parses {@code [0x]hex} with optional backticks, at most 16 digits, from {@code s[from, to)}.
     *
     * @throws NumberFormatException with a message naming the text
     */
    static long parse(CharSequence s, int from, int to) {
        int i = from;
        if (to - i > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
        }
        long v = 0;
        int digits = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '`') {
                continue;
            }
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d < 0 || ++digits > 16) {
                throw new NumberFormatException("not a 64-bit hex number: '"
                        + s.subSequence(from, to) + "'");
            }
            v = (v << 4) | d;
        }
        if (digits == 0) {
            throw new NumberFormatException("not a 64-bit hex number: '" + s.subSequence(from, to) + "'");
        }
        return v;
    }
}
