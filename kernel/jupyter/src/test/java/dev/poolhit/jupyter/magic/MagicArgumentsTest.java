package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numbers, ranges, single-dash options, default usage lines and suggestions, as {@link MagicCall} parses them. */
class MagicArgumentsTest {
    private static final Magic M = Magic.line("m").option("--count", "N", "how many").flag("--all", "every one")
            .bindsResultTo("r").handler(call -> null).build();

    private static MagicCall call(String args) {
        return MagicCall.parse(M, MagicTokenizer.tokenize(args, M.usage()), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        5                    | 5
        -5                   | -5
        +5                   | 5
        1_000                | 1000
        0x10                 | 16
        0xffffffffffffffff   | -1
        9223372036854775807  | 9223372036854775807
        -9223372036854775808 | -9223372036854775808
        """)
    void integersParseAsTyped(String text, long expected) {
        assertEquals(expected, call("").parseLong("N", text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ٣                    | N: expected an integer, got '٣'
        ５                   | N: expected an integer, got '５'
        0x                   | N: expected an integer, got '0x'
        -                    | N: expected an integer, got '-'
        1e3                  | N: expected an integer, got '1e3'
        99999999999999999999 | N: 99999999999999999999 does not fit in 64 bits
        0x10000000000000000  | N: 0x10000000000000000 does not fit in 64 bits
        """)
    void nonIntegersAndOverflowsAreUsageErrors(String text, String message) {
        assertEquals(message, assertThrows(MagicUsageException.class, () -> call("").parseLong("N", text)).getMessage());
    }

    @Test
    void rangesReportTheValueAsTypedEvenWhenItOverflows() {
        MagicCall c = call("--count 99999999999999999999");
        assertEquals("--count must be 1..100, got 99999999999999999999", assertThrows(MagicUsageException.class,
                () -> c.longOption("--count", 10, 1, 100)).getMessage());
        assertEquals("N must be 1..100, got -0x5", assertThrows(MagicUsageException.class,
                () -> c.longInRange("N", "-0x5", 1, 100)).getMessage());
        assertEquals(100, c.longInRange("N", "0x64", 1, 100));
        assertEquals(10, call("").longOption("--count", 10, 1, 100));
    }

    @Test
    void aSingleDashOptionIsAnUnknownOptionButANegativeNumberIsAnArgument() {
        assertEquals("unknown option -c for %m: options are spelled --name (put -- before an argument that starts"
                + " with -)", assertThrows(MagicUsageException.class, () -> call("5 -c 3")).getMessage());
        assertEquals(List.of("-5", "-c"), call("-5 -- -c").positionals());
    }

    @Test
    void theDefaultUsageLineListsEveryOption() {
        assertEquals("%m [--count N] [--all] [--into VAR]", M.usage());
        assertEquals("%%c", Magic.cell("c").handler(call -> null).build().usage());
    }

    @Test
    void suggestionsAreForTyposNotForDifferentWords() {
        assertEquals("%trace", Suggest.nearest("%trac", List.of("%trace", "%g")));
        assertEquals(null, Suggest.nearest("%☃", List.of("%trace", "%g")));
        assertEquals(null, Suggest.nearest("%x", List.of("%g", "%k")));
        assertEquals("%lm", Suggest.nearest("%lx", List.of("%lm", "%trace")));
        assertEquals("--all", Suggest.nearest("--al", M.options().stream().map(MagicOption::name).toList()));
    }
}
