package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %poolhittag Lea2}, {@code %trace N}, {@code %restore} as API calls against the simulator's ground truth. */
class PoolHitTagTraceSimTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    @TempDir
    Path symbols;
    private LiveSim live;
    private PoolHitTagSession session;
    private byte[] nt;

    @BeforeEach
    void armLea2() {
        live = LiveSim.start(symbols);
        session = PoolHitTagSession.locate(live.target);
        nt = live.simBytes(live.target.info().kernBase(), 0x3000);
        assertEquals(PoolTag.IDLE, session.arm(LEA2));
        assertEquals(LEA2, session.current());
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void stepOverTraceMatchesTheGroundTruthAndRestoresExactly() {
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(500));
        assertEquals(500, hits.size());
        restoreAndCheckQuiet();
    }

    @Test
    void patchTraceMatchesTheGroundTruthAndRestoresExactly() {
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(500).withStrategy(Strategy.PATCH));
        assertEquals(500, hits.size());
        assertFalse(live.target.patches().isEmpty(), "sites stay patched until restore");
        restoreAndCheckQuiet();
    }

    @Test
    void pairModeGivesEveryAllocationItsBlock() {
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(200).withPair(true));
        int allocs = 0;
        for (int i = 0; i < hits.size(); i++) {
            assertFalse(Missing.is(hits.address(i)), "hit " + i + " has its block");
            allocs += hits.kind(i) == HitKind.ALLOC ? 1 : 0;
        }
        assertTrue(allocs > 0);
        restoreAndCheckQuiet();
    }

    @Test
    void theShutdownHookRestoresARunningTarget() {
        traceAndCheck(TraceRequest.of(3));
        live.target.resume(); // still armed, running: the kernel is going away
        session.restorer().shutdownHook().run();
        assertEquals(0, live.machine.breakpointCount());
        live.target.breakIn();
        live.target.awaitStop(Duration.ofSeconds(10)).orElseThrow();
        assertEquals(PoolTag.IDLE, session.current());
    }

    @Test
    void restoreIsIdempotent() {
        traceAndCheck(TraceRequest.of(3));
        assertTrue(session.restorer().restore().restored());
        RestoreReport again = session.restorer().restore();
        assertTrue(again.restored());
        assertEquals(List.of(), again.actions());
        assertEquals(TargetState.RUNNING, live.target.state());
    }

    @Test
    void traceInfoNamesTheTargetAndItsModulesWithTheirPdbs() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.ofEpochSecond(5), java.time.ZoneOffset.UTC);
        dev.poolhit.pool.trace.TraceInfo info = LiveTraces.info(live.target, "live sim", LEA2, clock);
        assertEquals("Windows build 7601 x64 (free), 2 processors, kernel base fffff800`02a00000", info.targetVersion());
        assertEquals(5_000_000_000L, info.started());
        List<dev.poolhit.pool.trace.ModuleInfo> modules = LiveTraces.modules(live.target);
        assertEquals(List.of("nt", "myfault"), modules.stream().map(m -> m.name()).toList());
        assertEquals("ntkrnlmp.pdb", modules.get(0).pdbName());
        assertTrue(modules.get(0).pdbGuid().matches("[0-9A-F]{32}"), modules.get(0).pdbGuid());
        assertEquals(live.target.info().kernBase(), modules.get(0).base());
    }

    private TraceSnapshot traceAndCheck(TraceRequest request) {
        List<Integer> progress = new ArrayList<>();
        TraceRecorder recorder = LiveSim.recorder(LEA2);
        TraceResult result = session.trace(request).progress((n, of) -> progress.add(n)).run(recorder);
        assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
        assertEquals(request.hits(), result.hits());
        assertEquals(request.hits(), progress.size());
        TraceSnapshot hits = recorder.trace().snapshot();
        GroundTruthCheck.assertHitsMatch(hits, live.machine, request.pair());
        return hits;
    }

    /** After restore: PoolHitTag, code bytes and breakpoint table as before arming, and no more stops. */
    private void restoreAndCheckQuiet() {
        RestoreReport report = session.restorer().restore();
        assertTrue(report.restored(), report.summary());
        long tagAddress = live.machine.kernel().globals().poolHitTag();
        assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, live.simBytes(tagAddress, 4));
        assertArrayEquals(nt, live.simBytes(live.target.info().kernBase(), nt.length), "kernel code as before");
        assertEquals(0, live.machine.breakpointCount());
        assertTrue(live.target.breakpoints().isEmpty() && live.target.patches().isEmpty());
        int seen = live.machine.groundTruth().size();
        while (live.machine.groundTruth().size() < seen + 2000) {
            assertTrue(live.target.awaitStop(Duration.ofMillis(50)).isEmpty(), "no stop after restore");
        }
        live.target.breakIn();
        Stop stop = live.target.awaitStop(Duration.ofSeconds(10)).orElseThrow();
        assertEquals(live.target.info().breakpointWithStatus(), stop.pc(), "only the break-in stops it");
        assertTrue(live.machine.groundTruth().entries().subList(seen, live.machine.groundTruth().size()).stream()
                .noneMatch(GroundTruthEntry::broke));
    }
}
