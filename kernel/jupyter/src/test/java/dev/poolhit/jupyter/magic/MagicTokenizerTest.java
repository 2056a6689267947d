package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicTokenizerTest {
    private static List<String> tokens(String text) {
        return MagicTokenizer.tokenize(text, "%x ARGS");
    }

    @Test
    void splitsLikeAShell() {
        Object[][] cases = {
            {"", List.of()},
            {"   ", List.of()},
            {"500 --pair", List.of("500", "--pair")},
            {"  a\tb  c ", List.of("a", "b", "c")},
            {"'Lea '", List.of("Lea ")},
            {"\"a b\" c", List.of("a b", "c")},
            {"\"\" empty", List.of("", "empty")},
            {"''", List.of("")},
            {"--name=\"a b\"", List.of("--name=a b")},
            {"\"say \\\"hi\\\"\"", List.of("say \"hi\"")},
            {"\"back\\\\slash\"", List.of("back\\slash")},
            {"C:\\symbols\\cache", List.of("C:\\symbols\\cache")},
            {"'it''s'", List.of("its")},
            {"\"it's\"", List.of("it's")},
            {"srv*c:\\sym*https://msdl.microsoft.com/download/symbols",
                List.of("srv*c:\\sym*https://msdl.microsoft.com/download/symbols")},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], tokens((String) c[0]), (String) c[0]);
        }
    }

    @Test
    void unterminatedQuotesAreUsageErrors() {
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> tokens("a \"b c"));
        assertEquals("unterminated double quote starting at column 3: \"b c", e.getMessage());
        assertEquals("%x ARGS", e.usage());
        e = assertThrows(MagicUsageException.class, () -> tokens("'Lea"));
        assertEquals("unterminated single quote starting at column 1: 'Lea", e.getMessage());
    }
}
