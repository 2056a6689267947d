package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MessageTextTest {
    @Test
    void visibleTextIsKeptAsIs() {
        String text = "pool tag 'Leé2' ☃ 🐛: expected printable ASCII";
        assertSame(text, MessageText.oneLine(text));
    }

    @Test
    void lineBreaksControlsAndInvisibleCharactersAreEscaped() {
        assertEquals("stty: bad\\nTry 'stty --help'", MessageText.oneLine("stty: bad\nTry 'stty --help'"));
        assertEquals("a\\tb\\u0000c\\u001b[0m", MessageText.oneLine("a\tb\u0000c\u001b[0m"));
        assertEquals("got '\\u202e5' and '5\\u200b'", MessageText.oneLine("got '\u202e5' and '5\u200b'"));
        assertEquals("x\\u2028y\\ud800", MessageText.oneLine("x\u2028y\ud800"));
    }

    @Test
    void usageErrorsAndUnknownMagicsAreOneLine() {
        assertEquals("N: expected an integer, got '\\r'", new MagicUsageException("N: expected an integer, got '\r'", null)
                .getMessage());
        assertEquals("unknown magic %tr\\u0007ce", new UnknownMagicException("%tr\u0007ce", null).getMessage());
    }
}
