package dev.poolhit.jupyter.java;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitDirectivesTest {
    @Test
    void javacAndJShellAreKeptOffC2AndTheRestIsNot() throws Exception {
        assertTrue(JitDirectives.apply());
        assertTrue(JitDirectives.apply(), "a second call reports the directives already in place");
        String directives = JitDirectives.diagnosticCommand("compilerDirectivesPrint");
        int ours = directives.indexOf("matching: ");
        assertTrue(ours >= 0, directives);
        String matching = directives.substring(ours, directives.indexOf('\n', ours));
        assertTrue(matching.contains("com/sun/tools/javac/*.*") && matching.contains("jdk/jshell/*.*")
                && matching.contains("com/sun/source/*.*"), matching);
        String c2 = directives.substring(directives.indexOf("c2 directives:", ours));
        assertTrue(c2.contains("Exclude:true"), c2);
    }
}
