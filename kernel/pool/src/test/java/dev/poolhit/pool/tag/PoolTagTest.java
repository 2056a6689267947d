package dev.poolhit.pool.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TagFormatException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoolTagTest {
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("Lea2", 0x3261654c),
                Arguments.of("  Lea2  ", 0x3261654c),      // blanks around an unquoted tag are not part of it
                Arguments.of("'Lea '", 0x2061654c),        // quoted: trailing blank kept
                Arguments.of("\"Lea \"", 0x2061654c),
                Arguments.of("' Le '", 0x20654c20),
                Arguments.of("Abc", 0x20636241),           // padded with spaces
                Arguments.of("A", 0x20202041),
                Arguments.of("'A'", 0x20202041),
                Arguments.of("0x3261654c", 0x3261654c),
                Arguments.of("0X3261654C", 0x3261654c),
                Arguments.of("3261654c", 0x3261654c),      // 8 bare hex digits: dc output
                Arguments.of("0x20202041", 0x20202041),
                Arguments.of("0xffffff0f", 0xffffff0f),    // idle: disarm
                Arguments.of("ffffff0f", 0xffffff0f),
                Arguments.of("dead", 0x64616564));         // 4 hex-looking characters are a tag
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("accepted")
    void parsesEveryAcceptedForm(String text, int value) {
        assertEquals(value, PoolTag.parse(text).value());
    }

    static Stream<Arguments> rejected() {
        String empty = "empty pool tag: expected 1 to 4 characters (Lea2), a quoted tag ('Lea ') or a hex value (0x3261654c)";
        String topBit = "pool tag value 0xb261654c has the top bit (0x80000000) set: that is the protected-pool bit,"
                + " which the kernel clears before comparing; write PoolHitTag without it: Lea2 (0x3261654c)";
        return Stream.of(
                Arguments.of("", empty),
                Arguments.of("   ", empty),
                Arguments.of("''", empty),
                Arguments.of("Leak2", "pool tag 'Leak2' is 5 characters long: expected at most 4 (shorter tags are padded with spaces)"),
                Arguments.of("'Lea2 '", "pool tag 'Lea2 ' is 5 characters long: expected at most 4 (shorter tags are padded with spaces)"),
                Arguments.of("'Lea", "pool tag 'Lea has no closing quote: expected 'Lea ' with matching quotes"),
                Arguments.of("'", "pool tag ' has no closing quote: expected 'Lea ' with matching quotes"),
                Arguments.of("Le\u00e9", "pool tag 'Le\u00e9' has a non-printable character at position 3 (U+00E9): expected printable ASCII"),
                Arguments.of("Le\ta", "pool tag 'Le\ta' has a non-printable character at position 3 (U+0009): expected printable ASCII"),
                Arguments.of("0xb261654c", topBit),
                Arguments.of("b261654c", topBit),
                Arguments.of("0x0000004c", "pool tag value 0x0000004c has a non-printable byte 0x00 at position 2:"
                        + " expected four printable ASCII bytes (the idle value 0xffffff0f disarms)"),
                Arguments.of("0x00000000", "pool tag value 0x00000000 has a non-printable byte 0x00 at position 1:"
                        + " expected four printable ASCII bytes (the idle value 0xffffff0f disarms)"),
                Arguments.of("0x123456789", "pool tag value 0x123456789 is wider than 32 bits: expected at most 8 hex digits"),
                Arguments.of("0x", "pool tag value 0x is not hexadecimal: expected 0x followed by 1 to 8 hex digits"),
                Arguments.of("0x12g4", "pool tag value 0x12g4 is not hexadecimal: expected 0x followed by 1 to 8 hex digits"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void rejectsWithTheRule(String text, String message) {
        TagFormatException e = assertThrows(TagFormatException.class, () -> PoolTag.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void formatsAsTextAndHex() {
        assertEquals("Lea2 (0x3261654c)", PoolTag.parse("Lea2").toString());
        assertEquals("'Lea ' (0x2061654c)", PoolTag.parse("'Lea '").toString());
        assertEquals("idle (0xffffff0f)", PoolTag.of(0xffffff0f).toString());
        assertEquals(".... (0x00000000)", PoolTag.of(0).toString());
        assertEquals("Lea2", PoolTag.of(0x3261654c).text());
    }

    @Test
    void recognisesTheIdleValue() {
        assertTrue(PoolTag.of(0xffffff0f).isIdle());
        assertTrue(PoolTag.parse("0xffffff0f").isIdle());
        assertFalse(PoolTag.parse("Lea2").isIdle());
        assertFalse(PoolTag.of(0).isIdle());
    }
}
