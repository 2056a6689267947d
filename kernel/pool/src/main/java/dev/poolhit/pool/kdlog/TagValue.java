package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.tag.PoolTag;

/**
 * The value of {@code ed nt!PoolHitTag VALUE} in a log: hex in WinDbg's default radix
 * ({@code 3261654c}, {@code 0x3261654c}) or a WinDbg character constant, which reads
 * most-significant character first, so {@code ' aeL'} is the tag {@code "Lea "}.
 */
final class TagValue {
    private TagValue() {}

    /** The armed tag, or {@code null} for a disarming value (idle {@code 0xffffff0f} or 0). */
    static PoolTag parse(String text) {
        String s = text.strip();
        int value;
        if (s.length() >= 3 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            String chars = s.substring(1, s.length() - 1);
            if (chars.isEmpty() || chars.length() > 4) {
                throw new IllegalArgumentException("character constant of " + chars.length() + " characters");
            }
            value = 0;
            for (int i = 0; i < chars.length(); i++) {
                value = (value << 8) | (chars.charAt(i) & 0xff);
            }
        } else {
            String hex = s.replace("`", "");
            hex = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                throw new IllegalArgumentException("not a 32-bit hex value");
            }
            value = (int) Long.parseLong(hex, 16);
        }
        PoolTag tag = PoolTag.of(value);
        return tag.isIdle() || value == 0 ? null : tag;
    }
}
