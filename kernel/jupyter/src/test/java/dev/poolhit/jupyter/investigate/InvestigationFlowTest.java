package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code %connect sim}, {@code %poolhittag Lea2}, {@code %trace 50}, {@code %restore} in cells, against the simulator's ground truth. */
class InvestigationFlowTest {
    private static final List<String> HIT_COLUMNS = List.of("hit", "time", "kind", "tag", "size", "address", "processor",
            "thread", "process", "site", "stack_id", "depth");
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    private CellHarness cells;
    private Machine machine;

    @BeforeEach
    void connect() throws Exception {
        cells = new CellHarness();
        String summary = (String) cells.exec("%connect sim:rate=0").orElseThrow();
        assertTrue(summary.contains("Windows build 7601 x64 (free), 2 processors, kernel base fffff800`02a00000"), summary);
        assertTrue(summary.contains("2 modules: nt, myfault"), summary);
        assertTrue(summary.contains("PoolHitTag: nt!PoolHitTag at "), summary);
        machine = PoolHit.session().machine().orElseThrow();
    }

    @AfterEach
    void disconnect() throws Exception {
        if (PoolHit.session().connected()) {
            cells.exec("%disconnect");
        }
        cells.close();
    }

    @Test
    void traceOfFiftyHitsMatchesTheGroundTruthAndRestoreLeavesNoTrace() throws Exception {
        assertEquals(Optional.of("idle (0xffffff0f)"), cells.exec("%poolhittag"));
        assertEquals(Optional.of("PoolHitTag = Lea2 (0x3261654c) (was idle (0xffffff0f))"), cells.exec("%poolhittag Lea2"));
        Table hits = (Table) cells.exec("%trace 50").orElseThrow();
        assertEquals(HIT_COLUMNS, hits.columnNames());
        assertEquals(50, hits.rowCount());
        assertEquals(Optional.of(50), cells.exec("hits.rowCount()"), "bound to hits");
        assertMatchesGroundTruth(hits, PoolHit.trace().frames(), false);
        String restored = (String) cells.exec("%restore").orElseThrow();
        assertTrue(restored.contains("PoolHitTag"), restored);
        byte[] tag = new byte[4];
        machine.readVirtual(machine.kernel().globals().poolHitTag(), tag, 0, 4);
        assertArrayEquals(IDLE, tag);
        assertEquals(0, machine.breakpointCount());
        assertTrue(((String) cells.exec("%restore").orElseThrow()).contains("nothing"), "idempotent");
        assertEquals("TargetRunning: the target is running: run %break first",
                assertThrows(CellException.class, () -> cells.exec("%trace 5")).title());
        cells.exec("%break");
        assertEquals("NotArmed: PoolHitTag holds idle (0xffffff0f), not the armed Lea2 (0x3261654c) (%restore puts it"
                + " back): run %poolhittag TAG again", assertThrows(CellException.class, () -> cells.exec("%trace 5")).title());
    }

    @Test
    void pairedTraceFeedsLeaksAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        cells.exec("%poolhittag Lea2");
        Table hits = (Table) cells.exec("%trace 40 --pair --patch --into paired").orElseThrow();
        assertMatchesGroundTruth(hits, PoolHit.trace().frames(), true);
        Table leaks = (Table) cells.exec("%leaks").orElseThrow();
        assertEquals(List.of("rank", "stack_id", "allocations", "bytes", "unknown_size", "first_hit", "last_hit", "caller",
                "signature"), leaks.columnNames());
        Path file = dir.resolve("t.poolhit");
        cells.exec("%save " + file);
        String before = PoolHit.trace().frames().printAll() + PoolHit.trace().hits().printAll();
        cells.exec("%restore");
        cells.exec("%disconnect");
        Table loaded = (Table) cells.exec("%load " + file + " --into again").orElseThrow();
        assertEquals(before, PoolHit.trace().frames().printAll() + loaded.printAll());
        assertEquals(leaks.printAll(), ((Table) cells.exec("%leaks").orElseThrow()).printAll(), "%leaks with no target");
        assertEquals(leaks.printAll(), ((Table) cells.exec("%leaks " + file).orElseThrow()).printAll(), "%leaks FILE");
        String status = (String) cells.exec("%status").orElseThrow();
        assertEquals("not connected (%connect sim, or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)", status.lines().findFirst()
                .orElseThrow(), status);
        assertTrue(status.lines().skip(1).findFirst().orElseThrow().startsWith("last trace: 40 hits, "), status);
    }

    @Test
    void stateErrorsSayWhatToDoNext() {
        assertEquals("NotArmed: PoolHitTag is not armed: run %poolhittag TAG first",
                assertThrows(CellException.class, () -> cells.exec("%trace 5")).title());
        assertEquals("AlreadyConnected: already connected to sim:rate=0: %disconnect first",
                assertThrows(CellException.class, () -> cells.exec("%connect sim")).title());
        assertEquals("UsageError: ADDR: not a hex address: 'nowhere'",
                assertThrows(CellException.class, () -> cells.exec("%db nowhere")).title());
        assertEquals("SymbolNotFound: cannot resolve 'nt!NoSuchThing': no such symbol in the loaded modules; %symbols"
                + " shows what each module has", assertThrows(CellException.class, () -> cells.exec("%dd nt!NoSuchThing")).title());
    }

    @Test
    void everydayVerbsAnswerWithTables() throws Exception {
        Table modules = (Table) cells.exec("%lm").orElseThrow();
        assertEquals(List.of("nt", "myfault"), modules.stringColumn("module").asList());
        assertEquals("fffff800`02a00000", modules.getString(0, "start"));
        Table symbols = (Table) cells.exec("%symbols").orElseThrow();
        assertEquals(List.of("pdb", "pdb"), symbols.stringColumn("symbols").asList());
        Table regs = (Table) cells.exec("%r").orElseThrow();
        assertEquals(17, regs.rowCount());
        Table stack = (Table) cells.exec("%k").orElseThrow();
        assertEquals(List.of("frame", "child_sp", "ret_addr", "call_site"), stack.columnNames());
        String dump = (String) cells.exec("%db nt!PoolHitTag L4").orElseThrow();
        assertTrue(dump.endsWith(" 0f ff ff ff                                      ...."), dump);
        assertEquals(Optional.of("target running; %break to stop it"), cells.exec("%g"));
        assertTrue(((String) cells.exec("%break").orElseThrow()).startsWith("broken in: "));
    }

    @Test
    void goAfterAPatchTraceStepsOffOurBreakpointAndReachesTheNextHit() throws Exception {
        cells.exec("%poolhittag Lea2");
        cells.exec("%trace 3 --patch");
        int broke = brokeCount();
        assertEquals(Optional.of("target running; %break to stop it"), cells.exec("%g"));
        PoolHit.session().target().awaitStop(java.time.Duration.ofSeconds(10)).orElseThrow();
        assertEquals(broke + 1, brokeCount(), "stopped at the next hit, not again at the same one");
    }

    private int brokeCount() {
        return (int) machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).count();
    }

    private void assertMatchesGroundTruth(Table hits, Table frames, boolean pair) {
        List<GroundTruthEntry> truth = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
        for (int i = 0; i < hits.rowCount(); i++) {
            GroundTruthEntry e = truth.get(i);
            String at = "hit " + i + " (" + e + ")";
            boolean alloc = e.kind() == PoolEventKind.ALLOC;
            assertEquals(alloc ? "alloc" : "free", hits.getString(i, "kind"), at);
            assertEquals("Lea2", hits.getString(i, "tag"), at);
            assertEquals(alloc ? e.size() : Missing.LONG, hits.longColumn("size").getLong(i), at);
            assertEquals(alloc && !pair ? Missing.LONG : e.address(), hits.longColumn("address").getLong(i), at);
            List<ExpectedFrame> expected = new ArrayList<>(e.stack());
            Collections.reverse(expected);
            Table mine = frames.where(frames.intColumn("hit").isEqualTo(i));
            int n = Math.min(expected.size(), mine.rowCount());
            assertTrue(n >= 3, at);
            for (int f = 0; f < n; f++) {
                assertEquals(expected.get(f).ip(), mine.longColumn("ip").getLong(f), at + " frame " + f);
            }
        }
    }
}
