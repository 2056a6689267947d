package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces that end early: interrupt, unrelated stop, lost link; what each leaves on the target. */
class TraceEndingsSimTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    @TempDir
    Path symbols;
    private LiveSim live;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        executor.shutdownNow();
        if (live != null) {
            live.close();
        }
    }

    @Test
    void interruptEndsTheTraceKeepsItsHitsAndRestores() throws Exception {
        live = LiveSim.start(symbols);
        for (Strategy strategy : Strategy.values()) {
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            byte[] nt = live.simBytes(live.target.info().kernBase(), 0x3000);
            session.arm(LEA2);
            CountDownLatch fifty = new CountDownLatch(50);
            AtomicReference<Thread> runner = new AtomicReference<>();
            TraceRecorder recorder = LiveSim.recorder(LEA2);
            Future<TraceResult> running = executor.submit(() -> {
                runner.set(Thread.currentThread());
                TraceResult r = session.trace(TraceRequest.of(1_000_000).withStrategy(strategy))
                        .progress((n, of) -> fifty.countDown()).run(recorder);
                assertTrue(Thread.interrupted(), "the interrupt flag is set again on return");
                return r;
            });
            assertTrue(fifty.await(30, TimeUnit.SECONDS));
            runner.get().interrupt();
            TraceResult result = running.get(30, TimeUnit.SECONDS);
            assertEquals(TraceEnd.INTERRUPTED, result.end(), result.message());
            assertTrue(result.hits() >= 50);
            assertEquals(result.hits(), recorder.trace().size(), "every hit so far is kept");
            assertTrue(result.restore().orElseThrow().restored(), result.message());
            assertArrayEquals(IDLE, live.simBytes(live.machine.kernel().globals().poolHitTag(), 4), strategy.name());
            assertArrayEquals(nt, live.simBytes(live.target.info().kernBase(), nt.length), strategy.name());
            assertEquals(0, live.machine.breakpointCount());
            assertEquals(TargetState.RUNNING, live.target.state());
            live.target.breakIn();
            live.target.awaitStop(java.time.Duration.ofSeconds(10)).orElseThrow();
        }
    }

    @Test
    void anUnrelatedStopEndsTheTraceBrokenInThereWithOurEditsRemoved() {
        live = LiveSim.start(symbols);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        session.arm(PoolTag.parse("Zzzz")); // a tag nobody allocates: the only stop is ours to cause
        TraceRecorder recorder = LiveSim.recorder(LEA2);
        Future<?> poke = executor.submit(() -> {
            while (live.machine.groundTruth().size() < 500) {
                Thread.onSpinWait();
            }
            live.sim.breakIn(); // the target stops by itself, as at a hard-coded DbgBreakPoint
        });
        TraceResult result = session.trace(TraceRequest.of(10).withStrategy(Strategy.PATCH)).run(recorder);
        assertEquals(TraceEnd.UNRELATED_STOP, result.end(), result.message());
        assertTrue(result.message().startsWith("target stopped for something else: BREAKPOINT (code 0x80000003)"),
                result.message());
        assertEquals(0, result.hits());
        assertEquals(TargetState.BROKEN, live.target.state());
        Stop stop = live.target.lastStop().orElseThrow();
        assertEquals(live.target.info().breakpointWithStatus(), stop.pc());
        assertArrayEquals(IDLE, live.simBytes(live.machine.kernel().globals().poolHitTag(), 4));
        assertTrue(poke.isDone());
    }

    @Test
    void theDeadlineEndsTheTraceBrokenInWithItsHits() throws Exception {
        dev.poolhit.kd.transport.ManualClock clock = new dev.poolhit.kd.transport.ManualClock();
        SimulatedTarget sim = SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
        try (dev.poolhit.target.kd.KdTarget target = dev.poolhit.target.kd.KdTarget.attach(
                dev.poolhit.kd.transport.kdcom.KdcomLink.open(sim.hostEnd(), clock),
                dev.poolhit.target.kd.KdTargetOptions.defaults().withSymbolPath(LiveSim.pdbFolder(symbols)))) {
            PoolHitTagSession session = PoolHitTagSession.locate(target);
            session.arm(PoolTag.parse("Zzzz")); // never allocated: only the deadline can end this trace
            Future<TraceResult> running = executor.submit(() -> session.trace(TraceRequest.of(5)
                    .withTimeout(java.time.Duration.ofSeconds(3))).run(LiveSim.recorder(LEA2)));
            long realLimit = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!running.isDone() && System.nanoTime() < realLimit) {
                if (clock.waiting() > 0) {
                    clock.advance(java.time.Duration.ofMillis(20)); // only while the trace waits
                }
                // pacing, not waiting for time: the simulator answers a break-in in real time
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            TraceResult result = running.get();
            assertEquals(TraceEnd.TIMEOUT, result.end(), result.message());
            assertEquals("deadline 3 s passed after 0 hits", result.message());
            assertEquals(TargetState.BROKEN, target.state());
            assertEquals(target.info().breakpointWithStatus(), target.lastStop().orElseThrow().pc());
            assertTrue(session.restorer().restore().restored());
        } finally {
            sim.close();
        }
    }

    @Test
    void aCutLinkEndsTheTraceWithItsHitsAndSaysWhatWasLeftBehind() {
        live = new LiveSim(SimConfig.DEFAULT.withEventsPerSecond(0).withLink(LinkKnobs.PERFECT.withCutAfterPackets(400)),
                symbols);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        session.arm(LEA2);
        TraceRecorder recorder = LiveSim.recorder(LEA2);
        TraceResult result = session.trace(TraceRequest.of(10_000)).run(recorder);
        assertEquals(TraceEnd.LINK_LOST, result.end(), result.message());
        assertTrue(result.hits() > 0);
        assertEquals(result.hits(), recorder.trace().size());
        RestoreReport report = result.restore().orElseThrow();
        assertFalse(report.restored());
        assertTrue(report.leftBehind().contains("target is disconnected"), report.leftBehind().toString());
        assertTrue(report.summary().contains("PoolHitTag at"), report.summary());
        assertEquals(TargetState.DISCONNECTED, live.target.state());
    }
}
