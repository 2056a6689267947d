package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagicRunnerTest {
    private final Map<String, Object> bound = new LinkedHashMap<>();
    private final MagicRegistry registry = new MagicRegistry();
    private final MagicRunner runner = new MagicRunner(registry, bound::put);

    MagicRunnerTest() {
        BuiltinMagics.registerInto(registry);
        registry.register(Magic.line("trace")
                .summary("record hits")
                .usage("%trace N [--timeout S] [--pair] [--into VAR]")
                .option("--timeout", "S", "give up after S seconds")
                .flag("--pair", "pair allocations with frees")
                .bindsResultTo("hits")
                .handler(call -> {
                    call.expectPositionals(1, 1);
                    long n = call.parseLong("N", call.positionals().get(0));
                    return List.of(n, call.longOption("--timeout", 30), call.flag("--pair"));
                })
                .build());
    }

    private MagicResult line(String text) throws Exception {
        return runner.run(CellParser.parse(text).get(0));
    }

    private MagicUsageException usageError(String text) {
        return assertThrows(MagicUsageException.class, () -> line(text));
    }

    @Test
    void parsesOptionsFlagsAndBindsTheDefaultVariable() throws Exception {
        MagicResult r = line("%trace 500 --pair --timeout=5");
        assertEquals(List.of(500L, 5L, true), r.value());
        assertEquals("hits", r.boundTo());
        assertEquals(Map.of("hits", List.of(500L, 5L, true)), bound);
    }

    @Test
    void intoBindsTheNamedVariable() throws Exception {
        MagicResult r = line("%trace 0x10 --into leaks --timeout 7");
        assertEquals(List.of(16L, 7L, false), r.value());
        assertEquals("leaks", r.boundTo());
        assertEquals(List.of("leaks"), List.copyOf(bound.keySet()));
    }

    @Test
    void badArgumentsGiveExactMessagesAndTheUsageLine() {
        String usage = "%trace N [--timeout S] [--pair] [--into VAR]";
        Object[][] cases = {
            {"%trace 5 --bogus", "unknown option --bogus for %trace"},
            {"%trace 5 --timout 3", "unknown option --timout for %trace (did you mean --timeout?)"},
            {"%trace 5 --timeout", "option --timeout needs a value (S)"},
            {"%trace 5 --pair=yes", "option --pair takes no value"},
            {"%trace 5 --pair --pair", "option --pair given twice"},
            {"%trace", "%trace needs 1 argument, got 0"},
            {"%trace 1 2", "%trace takes at most 1 argument, got 2"},
            {"%trace many", "N: expected an integer, got 'many'"},
            {"%trace 5 --timeout soon", "--timeout: expected an integer, got 'soon'"},
            {"%trace 5 --into 2x", "--into: '2x' is not a Java variable name"},
            {"%trace 5 --into class", "--into: 'class' is not a Java variable name"},
            {"%trace \"5", "unterminated double quote starting at column 1: \"5"},
        };
        for (Object[] c : cases) {
            MagicUsageException e = usageError((String) c[0]);
            assertEquals(c[1], e.getMessage(), (String) c[0]);
            assertEquals(usage, e.usage());
            assertEquals(List.of("usage: " + usage), e.detailLines());
        }
        assertEquals(Map.of(), bound);
    }

    @Test
    void unknownMagicSuggestsTheNearestName() {
        UnknownMagicException e = assertThrows(UnknownMagicException.class, () -> line("%trcae 5"));
        assertEquals("unknown magic %trcae (did you mean %trace?)", e.getMessage());
        e = assertThrows(UnknownMagicException.class, () -> line("%zzzzzzzz"));
        assertEquals("unknown magic %zzzzzzzz", e.getMessage());
        e = assertThrows(UnknownMagicException.class, () -> runner.run(new CellPart.CellMagic("trace", "", "")));
        assertEquals("unknown magic %%trace (did you mean %trace?)", e.getMessage());
    }

    @Test
    void helpAndLsmagicDescribeRegisteredMagics() throws Exception {
        String help = (String) line("%help trace").value();
        assertEquals("""
                %trace N [--timeout S] [--pair] [--into VAR]
                    record hits

                Options:
                  --timeout S  give up after S seconds
                  --pair       pair allocations with frees
                  --into VAR   bind the result to JShell variable VAR (default hits)
                """, help);
        assertEquals(help, line("%help %trace").value());
        assertEquals("no magic named %trac (did you mean %trace?)", usageError("%help trac").getMessage());
        tech.tablesaw.api.Table list = (tech.tablesaw.api.Table) line("%lsmagic").value();
        assertEquals(List.of("%help", "%lsmagic", "%trace"), list.stringColumn("magic").asList());
        assertNull(line("%lsmagic").boundTo());
    }

    @Test
    void duplicateRegistrationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register(Magic.line("help").handler(call -> null).build()));
        assertEquals("magic %help is already registered", e.getMessage());
    }
}
