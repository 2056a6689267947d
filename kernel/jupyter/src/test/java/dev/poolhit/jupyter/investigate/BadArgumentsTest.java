package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.jupyter.kernel.CellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered magic with every kind of bad argument that applies to it
 * ({@code src/test/resources/bad-arguments.table}): one exact short message, no Java stack trace
 * or exception class name anywhere in the output, and the kernel evaluates the next cell in the
 * same state as before.
 */
class BadArgumentsTest {
    /** A class name, a stack frame, a source line or a qualified JDK/PoolHit name: none belong in a message. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b[A-Z]\\w*(Exception|Error)\\b|\\bat [\\w$.]+\\(|\\.java:\\d+|\\b(java|javax|jdk|sun|dev\\.poolhit)\\.[a-z]");
    @TempDir
    static Path files;
    private static BadArgumentKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        BadArgumentFiles.createIn(files);
        kernel = new BadArgumentKernel();
    }

    @AfterAll
    static void stop() throws Exception {
        kernel.close();
    }

    static Stream<BadArgumentRow> rows() {
        return BadArgumentTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badArgumentIsOneShortMessageAndTheKernelStaysUsable(BadArgumentRow row) throws Exception {
        assumeFalse(row.cell().contains(BadArgumentFiles.UNREADABLE) && Files.isReadable(
                files.resolve(BadArgumentFiles.UNREADABLE)), "running as root: every file is readable");
        CellHarness cells = kernel.in(row.state());
        int shownBefore = cells.displayed().size();
        CellException e = assertThrows(CellException.class, () -> cells.exec(substitute(row.cell())), row.toString());
        assertEquals(substitute(row.expected()), e.title(), row.toString());
        assertEquals(expectedDetail(row, cells.magics()), e.detailLines(), row.toString());
        List<String> output = new ArrayList<>(e.detailLines());
        output.add(e.getMessage());
        cells.displayed().subList(shownBefore, cells.displayed().size()).forEach(d -> output.add(String.valueOf(d)));
        assertFalse(e.errorName().equals("MagicError") || e.errorName().equals("KernelError"), row + ": " + e.title());
        for (String text : output) {
            assertFalse(JAVA_INTERNALS.matcher(text).find(), row + ": Java internals in '" + text + "'");
        }
        assertEquals(Optional.of(2), cells.exec("1 + 1"), row + ": the kernel evaluates the next cell");
        kernel.assertStillIn(row.state(), row.toString());
    }

    /**
     * Enumerates the registry, so a newly registered magic without rows fails here: every magic
     * needs an unknown-option and a too-many-args row, plus the kinds its declaration implies.
     */
    @Test
    void everyRegisteredMagicHasRowsForEveryKindThatAppliesToIt() {
        Map<String, Set<BadArgumentKind>> covered = new TreeMap<>();
        rows().forEach(r -> covered.computeIfAbsent(r.magic(), m -> EnumSet.noneOf(BadArgumentKind.class)).add(r.kind()));
        List<String> missing = new ArrayList<>();
        Set<String> registered = new TreeSet<>();
        for (Magic magic : kernel.cells().magics().all()) {
            String key = magic.prefix() + magic.name();
            registered.add(key);
            Set<BadArgumentKind> has = covered.getOrDefault(key, Set.of());
            applicableKinds(magic).stream().filter(k -> !has.contains(k)).forEach(k -> missing.add(key + " " + k.spelling()));
        }
        assertEquals(List.of(), missing, "rows missing from bad-arguments.table");
        assertEquals(Set.of(), covered.keySet().stream().filter(m -> !registered.contains(m)).collect(Collectors.toSet()),
                "rows for magics that are not registered");
    }

    private static Set<BadArgumentKind> applicableKinds(Magic magic) {
        Set<BadArgumentKind> kinds = EnumSet.of(BadArgumentKind.UNKNOWN_OPTION, BadArgumentKind.TOO_MANY_ARGS);
        String[] words = magic.usage().split(" ");
        if (words.length > 1 && !words[1].startsWith("[")) {
            kinds.add(BadArgumentKind.MISSING_ARG);
            kinds.add(BadArgumentKind.EMPTY_ARG);
        }
        if (magic.defaultBinding() != null) {
            kinds.add(BadArgumentKind.BAD_NAME);
        }
        if (magic.options().stream().anyMatch(o -> !o.name().equals(Magic.INTO))) {
            kinds.add(BadArgumentKind.REPEATED_OPTION);
        }
        return kinds;
    }

    @Test
    void notConnectedStatusSaysHowToConnect() throws Exception {
        CellHarness cells = kernel.in(KernelState.NONE);
        assertEquals(Optional.of("not connected (%connect sim, or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)"),
                cells.exec("%status"));
    }

    @Test
    void unreachableTcpTargetIsOneMessageThatDoesNotClaimALink() throws Exception {
        CellHarness cells = kernel.in(KernelState.NONE);
        CellException e = assertThrows(CellException.class, () -> cells.exec("%connect tcp:127.0.0.1:1"));
        assertEquals("ConnectFailed", e.errorName());
        assertEquals(true, e.getMessage().startsWith("cannot open tcp:127.0.0.1:1: "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith(": nothing attached; check SPEC and that the target is waiting"
                + " for a debugger, then %connect again"), e.getMessage());
        assertEquals(Optional.of(2), cells.exec("1 + 1"));
    }

    private static String substitute(String text) {
        return text.replace("$TMP", files.toString()).replace("$CWD", Path.of("").toAbsolutePath().toString());
    }

    private static List<String> expectedDetail(BadArgumentRow row, MagicRegistry magics) {
        return switch (row.detail()) {
            case "-" -> List.of();
            case "usage" -> List.of("usage: " + magics.find(row.magic()).usage());
            default -> List.of(row.detail());
        };
    }
}
