package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.sim.machine.Machine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Kernel shutdown in the middle of a trace leaves the target restored; %status and the wire log. */
class InvestigationShutdownTest {
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    @Test
    void shutdownDuringATraceInterruptsItAndRestoresTheTarget() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            cells.exec("%connect sim:rate=0");
            cells.exec("%poolhittag Lea2");
            Investigation investigation = PoolHit.session();
            Machine machine = investigation.machine().orElseThrow();
            CompletableFuture<Object> trace = CompletableFuture.supplyAsync(() -> {
                try {
                    return cells.exec("%trace 10000000");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!investigation.tracing() || investigation.lastTrace().orElseThrow().size() < 10) {
                assertFalse(trace.isDone(), "trace ended early");
                Thread.onSpinWait();
            }
            investigation.shutdown();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> trace.get(10, TimeUnit.SECONDS));
            CellException e = (CellException) failed.getCause().getCause();
            assertEquals("TraceInterrupted", e.errorName());
            assertTrue(e.getMessage().contains("hits kept"), e.getMessage());
            assertFalse(investigation.connected());
            byte[] tag = new byte[4];
            machine.readVirtual(machine.kernel().globals().poolHitTag(), tag, 0, 4);
            assertArrayEquals(IDLE, tag);
            assertEquals(0, machine.breakpointCount());
        }
    }

    @Test
    void statusNamesTheArmedTagOurEditsAndTheWireLog() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            cells.exec("%connect sim:rate=0 --wire-log");
            cells.exec("%poolhittag Lea2");
            cells.exec("%trace 5 --patch");
            String status = (String) cells.exec("%status").orElseThrow();
            assertTrue(status.startsWith("connected: sim:rate=0, broken\nPoolHitTag: nt!PoolHitTag at fffff800`"), status);
            assertTrue(status.contains(", armed Lea2 (0x3261654c), holds Lea2 (0x3261654c)\n"), status);
            assertTrue(status.matches("(?s).*ours on the target: \\d+ breakpoints, \\d+ code patches\nwire: \\d+ packets in, 0 resent, 0 bad"
                    + " checksums, 0 other framing errors, 0 duplicates dropped, \\d+ resets\nwire log: \\d+ packets\n"
                    + "last trace: 5 hits, live sim:rate=0 \\(completed: 5 hits\\)"), status);
            cells.exec("%disconnect");
            assertTrue(((String) cells.exec("%status").orElseThrow()).startsWith("not connected"));
        }
    }

    @Test
    void progressBarUpdatesAtMostFiveTimesASecondAndAlwaysAtTheEnd() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            long[] now = {0};
            ProgressBar bar = new ProgressBar(100, () -> now[0]);
            for (int i = 1; i <= 100; i++) {
                now[0] += ProgressBar.INTERVAL_NANOS / 10;
                bar.update(i, 100);
            }
            assertEquals(java.util.List.of("[..............................] 0/100 hits, waiting for the first hit",
                    "[###...........................] 10/100 hits", "[######........................] 20/100 hits",
                    "[#########.....................] 30/100 hits", "[############..................] 40/100 hits",
                    "[###############...............] 50/100 hits", "[##################............] 60/100 hits",
                    "[#####################.........] 70/100 hits", "[########################......] 80/100 hits",
                    "[###########################...] 90/100 hits", "[##############################] 100/100 hits"),
                    cells.displayed());
        }
    }
}
