package dev.poolhit.pool.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.ManualClock;
import dev.poolhit.pool.live.LiveSim;
import dev.poolhit.pool.live.OwedRestore;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RelinkResult;
import dev.poolhit.pool.live.Relinker;
import dev.poolhit.pool.live.Strategy;
import dev.poolhit.pool.live.TargetReopener;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link is cut mid-trace (the simulator's cut knob) and comes back ({@link SimulatedTarget#reconnect}),
 * never comes back, or comes back to a rebooted target: the hits are kept and, checked on the
 * simulator's side, the target ends restored (memory, breakpoint table, PoolHitTag, a workload that
 * runs without further breaks) or the message says what is left and a later reconnect restores it.
 */
class LinkCutRelinkTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    @TempDir
    Path symbols;
    private LiveSim live;
    private final AtomicReference<SimulatedTarget> current = new AtomicReference<>();
    private final AtomicReference<KdTarget> reattached = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        executor.shutdownNow();
        closeTargets();
    }

    private void closeTargets() {
        if (reattached.get() != null) {
            reattached.get().close();
        }
        if (current.get() != null) {
            current.get().close();
        }
        live.close();
    }

    @Test
    void theLinkComesBackAndTheTargetEndsRestored() {
        TraceResult result = cutComesBackAndIsRestored(1500);
        assertTrue(result.hits() > 0, "the cut came mid-trace: " + result.message());
    }

    /** The long run (install/bench.sh): the cut lands at many different points of the conversation. */
    @Test
    @Tag("fuzz-long")
    void theLinkComesBackAtManyCutPoints() {
        long[] cuts = {97, 401, 977, 2_503, 6_007, 15_013, 40_009}; // the first comes before any hit
        for (int i = 0; i < cuts.length; i++) {
            if (i > 0) {
                closeTargets();
            }
            cutComesBackAndIsRestored(cuts[i]);
        }
    }

    private TraceResult cutComesBackAndIsRestored(long packets) {
        startCutAfter(packets);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        byte[] nt = ntCode();
        session.arm(LEA2);
        TraceRecorder recorder = LiveSim.recorder(LEA2);
        TraceResult result = session.trace(TraceRequest.of(100_000).withStrategy(Strategy.PATCH).withPair(true))
                .relink(new Relinker(plugBackIn(), new ManualClock(), Relinker.BUDGET)).run(recorder);
        assertEquals(TraceEnd.LINK_LOST, result.end(), result.message());
        assertEquals(result.hits(), recorder.trace().size(), "every hit before the cut is kept");
        assertEquals("link lost after " + result.hits() + " hits; reconnected and restored the target", result.message());
        RelinkResult relink = result.relink().orElseThrow();
        assertEquals(RelinkResult.Outcome.RESTORED, relink.outcome());
        assertTrue(relink.restore().orElseThrow().actions().stream().anyMatch(a -> a.startsWith("removed breakpoint")),
                relink.restore().toString());
        assertRestoredAndRunningFreely(relink.session().orElseThrow().target(), nt);
        return result;
    }

    @Test
    void theLinkNeverComesBackThenAManualReconnectAndRestorePutsItBack() throws Exception {
        startCutAfter(1500);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        byte[] nt = ntCode();
        session.arm(LEA2);
        ManualClock clock = new ManualClock();
        TargetReopener unplugged = limit -> {
            throw new TargetDisconnectedException("cannot open sim: the cable is unplugged");
        };
        Future<TraceResult> running = executor.submit(() -> session.trace(TraceRequest.of(100_000)
                .withStrategy(Strategy.PATCH)).relink(new Relinker(unplugged, clock, Relinker.BUDGET))
                .run(LiveSim.recorder(LEA2)));
        TraceResult result = advanceUntilDone(running, clock);
        assertEquals(TraceEnd.LINK_LOST, result.end(), result.message());
        OwedRestore owed = result.relink().orElseThrow().stillOwed().orElseThrow();
        assertTrue(owed.summary().startsWith("PoolHitTag = 'Lea2', "), owed.summary());
        assertEquals("link lost after " + result.hits() + " hits; could not reconnect within 10 s: the target may still"
                + " be armed (" + owed.summary() + ") - run %restore after reconnecting", result.message());
        assertArrayEquals(LEA2_BYTES, simBytes(live.machine.kernel().globals().poolHitTag(), 4), "still armed");
        RelinkResult later = new Relinker(plugBackIn(), KdClock.system(), Relinker.BUDGET).restore(session); // %restore
        assertEquals(RelinkResult.Outcome.RESTORED, later.outcome(), later.message());
        assertRestoredAndRunningFreely(later.session().orElseThrow().target(), nt);
    }

    @Test
    void aLaterConnectToTheSameBootAdoptsAndRestoresLeavingItBrokenIn() {
        startCutAfter(400);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        session.arm(LEA2);
        TraceResult result = session.trace(TraceRequest.of(100_000)).run(LiveSim.recorder(LEA2));
        assertEquals(TraceEnd.LINK_LOST, result.end(), result.message());
        OwedRestore owed = OwedRestore.of(session);
        assertEquals("PoolHitTag = 'Lea2'", owed.summary());
        KdTarget fresh = plugBackIn().reopen(Duration.ofSeconds(20)); // %connect
        RelinkResult r = new Relinker(plugBackIn(), KdClock.system(), Relinker.BUDGET).restoreOver(fresh, owed, false);
        assertEquals(RelinkResult.Outcome.RESTORED, r.outcome(), r.message());
        assertEquals(TargetState.BROKEN, fresh.state());
        assertArrayEquals(IDLE, simBytes(live.machine.kernel().globals().poolHitTag(), 4));
    }

    @Test
    void aTargetRebootedDuringTheCutHasNothingToRestoreAndSaysSo() {
        startCutAfter(1500);
        PoolHitTagSession session = PoolHitTagSession.locate(live.target);
        session.arm(LEA2);
        TargetReopener rebootedMeanwhile = limit -> {
            awaitCut();
            live.machine.reboot();
            return plugBackIn().reopen(limit);
        };
        TraceResult result = session.trace(TraceRequest.of(100_000).withStrategy(Strategy.PATCH))
                .relink(new Relinker(rebootedMeanwhile, new ManualClock(), Relinker.BUDGET)).run(LiveSim.recorder(LEA2));
        assertEquals(TraceEnd.LINK_LOST, result.end(), result.message());
        RelinkResult relink = result.relink().orElseThrow();
        assertEquals(RelinkResult.Outcome.REBOOTED, relink.outcome(), relink.message());
        assertTrue(result.message().startsWith("link lost after " + result.hits() + " hits; reconnected, but the target"
                + " rebooted meanwhile ("), result.message());
        assertTrue(result.message().endsWith("): nothing of ours is left to restore; target running"), result.message());
        assertRestoredAndRunningFreely(relink.session().orElseThrow().target(), null);
    }

    private static final byte[] LEA2_BYTES = {'L', 'e', 'a', '2'};

    private void startCutAfter(long packets) {
        live = FaultSim.start(FaultSim.config().withLink(LinkKnobs.PERFECT.withCutAfterPackets(packets)), symbols);
        current.set(live.sim);
    }

    /** The cable plugged back in: the same machine on a fresh link, attached as %connect would. */
    private TargetReopener plugBackIn() {
        return limit -> {
            awaitCut();
            SimulatedTarget again = current.get().reconnect(FaultSim.config());
            current.set(again);
            reattached.set(LiveSim.attach(again, symbols, UnaryOperator.identity()));
            return reattached.get();
        };
    }

    /** The simulator's engine ends right after the cut; reconnect needs it gone. */
    private void awaitCut() {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (current.get().isAlive() && System.nanoTime() < limit) {
            Thread.onSpinWait();
        }
    }

    private static TraceResult advanceUntilDone(Future<TraceResult> running, ManualClock clock) throws Exception {
        long realLimit = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!running.isDone() && System.nanoTime() < realLimit) {
            if (clock.waiting() > 0) {
                clock.advance(Duration.ofMillis(250)); // only while the relinker waits between attempts
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return running.get(1, TimeUnit.SECONDS);
    }

    /** On the simulator's side: code as before arming, no breakpoint, PoolHitTag idle; then 2,000 events without a stop. */
    private void assertRestoredAndRunningFreely(KdTarget target, byte[] nt) {
        Machine m = live.machine;
        assertArrayEquals(IDLE, simBytes(m.kernel().globals().poolHitTag(), 4));
        if (nt != null) {
            assertArrayEquals(nt, simBytes(target.info().kernBase(), nt.length));
        }
        assertEquals(0, m.breakpointCount());
        assertEquals(TargetState.RUNNING, target.state());
        int events = m.groundTruth().size();
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (m.groundTruth().size() < events + 2000 && System.nanoTime() < limit) {
            Thread.onSpinWait();
        }
        assertTrue(m.groundTruth().size() >= events + 2000, () -> "the workload runs on: machine " + m.state() + " at "
                + m.lastStop() + ", target " + target.state() + ", sim alive " + current.get().isAlive()
                + ", events " + m.groundTruth().size() + " from " + events);
        target.breakIn();
        Stop stop = target.awaitStop(Duration.ofSeconds(20)).orElseThrow();
        assertEquals(target.info().breakpointWithStatus(), stop.pc(), "the first stop since is our break-in: " + stop);
    }

    private byte[] ntCode() {
        return simBytes(live.target.info().kernBase(), 0x3000);
    }

    private byte[] simBytes(long address, int length) {
        byte[] out = new byte[length];
        live.machine.readVirtual(address, out, 0, length);
        return out;
    }
}
