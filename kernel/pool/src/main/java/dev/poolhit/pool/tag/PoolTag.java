package dev.poolhit.pool.tag;

import dev.poolhit.pool.TagFormatException;

/**
 * A pool tag: four ASCII bytes read as a little-endian 32-bit number, as {@code nt!PoolHitTag}
 * holds it ({@code Lea2} is {@code 0x3261654c}). Any 32-bit value can be represented, because a
 * value read back from the target may be anything (the idle value {@code 0xffffff0f}, zero);
 * {@link #parse} accepts only values that can be written to arm PoolHitTag.
 *
 * <p>Accepted input of {@link #parse}:
 * <ul>
 * <li>{@code Lea2}: 1 to 4 printable ASCII characters, padded with spaces on the right
 *     ({@code Abc} is {@code "Abc "}); surrounding blanks are not part of an unquoted tag;</li>
 * <li>{@code 'Lea '} or {@code "Lea "}: quoted, every character inside counts, so trailing spaces
 *     are kept. The tag is written as it reads (as PoolMon shows it), <em>not</em> reversed like a
 *     WinDbg character constant ({@code ed nt!PoolHitTag ' aeL'});</li>
 * <li>{@code 0x3261654c}: {@code 0x} and 1 to 8 hex digits;</li>
 * <li>{@code 3261654c}: exactly 8 hex digits without prefix, as {@code dc nt!PoolHitTag} prints
 *     it. This is unambiguous because a tag has at most 4 characters.</li>
 * </ul>
 * Rejected, with a message naming the rule: empty input, more than 4 characters, a character or
 * byte that is not printable ASCII, and a value with the top bit set (the kernel clears that
 * protected-pool bit before comparing, so PoolHitTag must be written without it). The one
 * exception is the idle value {@code 0xffffff0f}, which is accepted and means "disarmed".
 */
public record PoolTag(int value) {
    /** The value PoolHitTag holds when no tag is armed: it matches no real tag. */
    public static final PoolTag IDLE = new PoolTag(0xffffff0f);
    /** The bit the kernel strips from tags before comparing (protected pool allocations). */
    public static final int PROTECTED_BIT = 0x80000000;

    private static final String EXPECTED_FORMS =
            "expected 1 to 4 characters (Lea2), a quoted tag ('Lea ') or a hex value (0x3261654c)";

    /** The tag for any 32-bit value, as read from the target; no validation. */
    public static PoolTag of(int value) {
        return new PoolTag(value);
    }

    /** Parses a tag as a user types it; see the class comment for the accepted forms. */
    public static PoolTag parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new TagFormatException("empty pool tag: " + EXPECTED_FORMS);
        }
        char first = s.charAt(0);
        if (first == '\'' || first == '"') {
            return fromCharacters(unquote(s, first));
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return fromValue(parseHexDigits(s, s.substring(2)));
        }
        if (s.length() == 8 && isHex(s)) {
            return fromValue(parseHexDigits(s, s));
        }
        return fromCharacters(s);
    }

    /** Whether this is the idle value {@code 0xffffff0f}. */
    public boolean isIdle() {
        return value == IDLE.value;
    }

    /** The four characters, non-printable bytes shown as {@code .} (as {@code dc} does). */
    public String text() {
        StringBuilder out = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int b = (value >>> (8 * i)) & 0xff;
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return out.toString();
    }

    /** The value as {@code 0x3261654c}. */
    public String hex() {
        return String.format("0x%08x", value);
    }

    /**
     * {@code Lea2 (0x3261654c)}; a tag with blanks is quoted so they show ({@code 'Lea ' (0x2061654c)});
     * the idle value prints as {@code idle (0xffffff0f)}.
     */
    @Override
    public String toString() {
        if (isIdle()) {
            return "idle (" + hex() + ")";
        }
        String t = text();
        return (t.indexOf(' ') >= 0 ? "'" + t + "'" : t) + " (" + hex() + ")";
    }

    private static String unquote(String s, char quote) {
        if (s.length() < 2 || s.charAt(s.length() - 1) != quote) {
            throw new TagFormatException("pool tag " + s + " has no closing quote: expected "
                    + quote + "Lea " + quote + " with matching quotes");
        }
        String inner = s.substring(1, s.length() - 1);
        if (inner.isEmpty()) {
            throw new TagFormatException("empty pool tag: " + EXPECTED_FORMS);
        }
        return inner;
    }

    private static PoolTag fromCharacters(String chars) {
        if (chars.length() > 4) {
            throw new TagFormatException("pool tag '" + chars + "' is " + chars.length()
                    + " characters long: expected at most 4 (shorter tags are padded with spaces)");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = i < chars.length() ? chars.charAt(i) : ' ';
            if (c < 0x20 || c >= 0x7f) {
                throw new TagFormatException(String.format(
                        "pool tag '%s' has a non-printable character at position %d (U+%04X):"
                                + " expected printable ASCII", chars, i + 1, (int) c));
            }
            v |= c << (8 * i);
        }
        return new PoolTag(v);
    }

    private static PoolTag fromValue(int v) {
        if (v == IDLE.value) {
            return IDLE;
        }
        if ((v & PROTECTED_BIT) != 0) {
            PoolTag cleared = new PoolTag(v & ~PROTECTED_BIT);
            throw new TagFormatException(String.format("pool tag value 0x%08x has the top bit"
                    + " (0x80000000) set: that is the protected-pool bit, which the kernel clears"
                    + " before comparing; write PoolHitTag without it: %s", v, cleared));
        }
        for (int i = 0; i < 4; i++) {
            int b = (v >>> (8 * i)) & 0xff;
            if (b < 0x20 || b >= 0x7f) {
                throw new TagFormatException(String.format("pool tag value 0x%08x has a"
                        + " non-printable byte 0x%02x at position %d: expected four printable ASCII"
                        + " bytes (the idle value 0xffffff0f disarms)", v, b, i + 1));
            }
        }
        return new PoolTag(v);
    }

    private static int parseHexDigits(String original, String digits) {
        if (digits.isEmpty() || !isHex(digits)) {
            throw new TagFormatException("pool tag value " + original
                    + " is not hexadecimal: expected 0x followed by 1 to 8 hex digits");
        }
        if (digits.length() > 8) {
            throw new TagFormatException("pool tag value " + original
                    + " is wider than 32 bits: expected at most 8 hex digits");
        }
        return (int) Long.parseLong(digits, 16);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
