package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.module.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %poolhittag}, {@code %trace N} and {@code %restore} on the 32-bit simulator, hit by hit
 * against its ground truth: check sites that call {@code nt!DbgBreakPoint} (kind and site from the
 * return address at [ESP]) and cold stubs with their own {@code int 3}, in every strategy.
 */
class X86PoolHitTagTraceSimTest {
    /** Leaks: small blocks break through DbgBreakPoint (FPO allocator), big ones in a cold stub (EBP allocator). */
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    /** Balanced: allocations and ExFreePoolWithTag frees, both through DbgBreakPoint. */
    private static final PoolTag LEA1 = PoolTag.parse("Lea1");
    /** Big frees by a worker: the cold stub of the FPO ExpFreeBigPool. */
    private static final PoolTag MMST = PoolTag.parse("MmSt");
    @TempDir
    Path symbols;
    private LiveSim live;
    private PoolHitTagSession session;
    private byte[] nt;
    private PoolTag armed;

    @BeforeEach
    void attach() {
        live = LiveSim.startX86(symbols);
        session = PoolHitTagSession.locate(live.target);
        Module kernel = live.target.modules().find(live.target.info().kernBase()).orElseThrow();
        nt = live.simBytes(kernel.base(), (int) kernel.size());
    }

    private void arm(PoolTag tag) {
        assertEquals(PoolTag.IDLE, session.arm(tag));
        assertEquals(tag, session.current());
        armed = tag;
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void stepOverTraceOfLeaksMatchesTheGroundTruthAndRestoresExactly() {
        arm(LEA2);
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(300));
        assertKinds(hits, true, false);
        assertSiteForms(hits, true, true);
        restoreAndCheckQuiet();
    }

    @Test
    void stepOverTraceOfAllocationsAndFreesMatchesTheGroundTruth() {
        arm(LEA1);
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(300));
        assertKinds(hits, true, true);
        restoreAndCheckQuiet();
    }

    @Test
    void patchTraceMatchesTheGroundTruthAndRestoresExactly() {
        arm(LEA2);
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(300).withStrategy(Strategy.PATCH));
        assertSiteForms(hits, true, true);
        long dbgBreakPoint = live.target.resolve("nt!DbgBreakPoint").orElseThrow();
        assertTrue(live.target.patches().containsKey(dbgBreakPoint), "the break routine's int 3 is patched once");
        assertTrue(live.target.breakpoints().containsKey(dbgBreakPoint));
        restoreAndCheckQuiet();
    }

    @Test
    void patchTraceOfBigFreesInAnFpoParentsStubMatchesTheGroundTruth() {
        arm(MMST);
        TraceSnapshot hits = traceAndCheck(TraceRequest.of(100).withStrategy(Strategy.PATCH));
        assertTrue(java.util.stream.IntStream.range(0, hits.size()).anyMatch(i -> hits.kind(i) == HitKind.FREE
                && hits.ip(hits.stackId(i), 0) == hits.siteAddress(i)), "frees in a cold stub");
        restoreAndCheckQuiet();
    }

    @Test
    void pairModeGivesEveryAllocationItsBlockFromEax() {
        arm(LEA1);
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
    void liveTracesAndMessagesOfAnX86TargetPrintEightDigitAddresses() {
        TraceInfo info = LiveTraces.info(live.target, "live sim:x86", LEA2, java.time.Clock.systemUTC());
        assertEquals(AddressStyle.X86, info.addressStyle());
        assertTrue(info.targetVersion().endsWith(", kernel base 82800000"), info.targetVersion());
        assertEquals("explicit address " + dev.poolhit.common.Hex.u32(session.address()),
                PoolHitTagSession.at(live.target, session.address()).locatedBy());
        TraceRecorder recorder = TraceRecorder.inMemory(info, java.time.Clock.systemUTC());
        arm(LEA2);
        session.trace(TraceRequest.of(5).withStrategy(Strategy.PATCH)).run(recorder);
        tech.tablesaw.api.Table hits = dev.poolhit.pool.analysis.TraceTables.of(recorder.trace()).hits();
        assertEquals(dev.poolhit.common.Hex.u32(hits.longColumn("thread").get(0)), hits.getString(0, "thread"));
        assertFalse(hits.print().contains("`"), hits::print);
        long dbgBreakPoint = live.target.resolve("nt!DbgBreakPoint").orElseThrow();
        List<String> actions = session.restorer().restore(false).actions();
        assertTrue(actions.contains("removed breakpoint at " + dev.poolhit.common.Hex.u32(dbgBreakPoint)), actions::toString);
        restoreAndCheckQuiet();
    }

    private static void assertKinds(TraceSnapshot hits, boolean allocs, boolean frees) {
        assertEquals(allocs, hits.size() > 0 && java.util.stream.IntStream.range(0, hits.size())
                .anyMatch(i -> hits.kind(i) == HitKind.ALLOC), "allocations");
        assertEquals(frees, java.util.stream.IntStream.range(0, hits.size())
                .anyMatch(i -> hits.kind(i) == HitKind.FREE), "frees");
    }

    /** Whether some hits broke through DbgBreakPoint ({@code routine}) and some in a cold stub ({@code stub}). */
    private void assertSiteForms(TraceSnapshot hits, boolean routine, boolean stub) {
        long dbgBreakPoint = live.target.resolve("nt!DbgBreakPoint").orElseThrow();
        assertEquals(routine, java.util.stream.IntStream.range(0, hits.size())
                .anyMatch(i -> hits.ip(hits.stackId(i), 0) == dbgBreakPoint), "sites calling DbgBreakPoint");
        assertEquals(stub, java.util.stream.IntStream.range(0, hits.size())
                .anyMatch(i -> hits.ip(hits.stackId(i), 0) == hits.siteAddress(i)), "cold stubs");
    }

    private TraceSnapshot traceAndCheck(TraceRequest request) {
        TraceRecorder recorder = LiveSim.recorder(armed);
        TraceResult result = session.trace(request).run(recorder);
        assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
        assertEquals(request.hits(), result.hits());
        TraceSnapshot hits = recorder.trace().snapshot();
        assertEquals(request.hits(), hits.size());
        X86GroundTruthCheck.assertHitsMatch(hits, live.machine, request.pair());
        return hits;
    }

    /** After restore: PoolHitTag, kernel image and breakpoint table as before arming, and no more stops. */
    private void restoreAndCheckQuiet() {
        RestoreReport report = session.restorer().restore();
        assertTrue(report.restored(), report.summary());
        long tagAddress = live.target.resolve("nt!PoolHitTag").orElseThrow();
        assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, live.simBytes(tagAddress, 4));
        assertArrayEquals(nt, live.simBytes(live.target.info().kernBase(), nt.length), "kernel image as before");
        assertEquals(0, live.machine.breakpointCount());
        assertTrue(live.target.breakpoints().isEmpty() && live.target.patches().isEmpty());
        int seen = live.machine.groundTruth().size();
        while (live.machine.groundTruth().size() < seen + 2000) {
            assertTrue(live.target.awaitStop(Duration.ofMillis(50)).isEmpty(), "no stop after restore");
        }
        live.target.breakIn();
        Stop stop = live.target.awaitStop(Duration.ofSeconds(10)).orElseThrow();
        assertEquals(live.target.info().breakpointWithStatus(), stop.pc(), "only the break-in stops it");
        List<GroundTruthEntry> after = live.machine.groundTruth().entries().subList(seen, live.machine.groundTruth().size());
        assertTrue(after.stream().noneMatch(GroundTruthEntry::broke));
    }
}
