package dev.poolhit.jupyter.magic;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Integer arguments as people type them: decimal ({@code -5}, {@code 1_000}) or hex
 * ({@code 0x10}), ASCII digits only. Parsed without a width limit so that a value too large for
 * 64 bits can be reported as out of range rather than as "not a number".
 */
final class IntegerText {
    private IntegerText() {
    }

    /** The value, or empty when {@code text} is not an integer (a fitting {@code long} is the caller's check). */
    static Optional<BigInteger> parse(String text) {
        String v = text.replace("_", "");
        boolean negative = v.startsWith("-");
        String digits = negative || v.startsWith("+") ? v.substring(1) : v;
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        int radix = hex ? 16 : 10;
        String body = hex ? digits.substring(2) : digits;
        if (body.isEmpty() || !body.chars().allMatch(c -> c < 0x80 && Character.digit(c, radix) >= 0)) {
            return Optional.empty();
        }
        BigInteger n = new BigInteger(body, radix);
        return Optional.of(negative ? n.negate() : n);
    }

    /** Whether {@code n} is a signed 64-bit value or, like {@code 0xffffffffffffffff}, an unsigned one. */
    static boolean fits64(BigInteger n) {
        return n.bitLength() <= 63 || (n.signum() > 0 && n.bitLength() == 64);
    }
}
