package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicAssistTest {
    private final MagicRegistry registry = new MagicRegistry();
    private final MagicAssist assist = new MagicAssist(registry);

    MagicAssistTest() {
        BuiltinMagics.registerInto(registry);
        registry.register(Magic.line("trace").usage("%trace N").option("--timeout", "S", "seconds")
                .flag("--pair", "pair").bindsResultTo("hits").handler(c -> null).build());
    }

    private MagicAssist.Completion complete(String code) {
        return assist.complete(code, code.length());
    }

    @Test
    void completesMagicNamesOptionsAndHelpTopics() {
        assertEquals(new MagicAssist.Completion(List.of("%help"), 0, 3), complete("%he"));
        assertEquals(List.of("%help", "%lsmagic", "%trace"), complete("%").matches());
        assertEquals(new MagicAssist.Completion(List.of("--timeout"), 9, 12), complete("%trace 5 --t"));
        assertEquals(List.of("--timeout", "--pair", "--into"), complete("%trace 5 --").matches());
        assertEquals(new MagicAssist.Completion(List.of("trace"), 6, 8), complete("%help tr"));
        assertEquals(List.of("%lsmagic"), complete("int x = 1;\n%ls").matches());
        assertNull(complete("Math.ma"));
    }

    @Test
    void inspectShowsTheHelpOfTheMagicUnderTheCursor() {
        assertTrue(assist.inspect("%trace 5 --pair", 3).startsWith("%trace N\n"));
        assertTrue(assist.inspect("%help trace", 2).startsWith("%trace N\n"));
        assertTrue(assist.inspect("x();\n%lsmagic", 7).startsWith("%lsmagic\n"));
        assertNull(assist.inspect("Math.max", 8));
        assertNull(assist.inspect("%nothing", 3));
    }
}
