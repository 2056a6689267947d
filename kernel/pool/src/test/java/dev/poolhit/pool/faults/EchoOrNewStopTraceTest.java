package dev.poolhit.pool.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.live.GroundTruthCheck;
import dev.poolhit.pool.live.LiveSim;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RestoreReport;
import dev.poolhit.pool.live.Strategy;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.live.X86GroundTruthCheck;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.kd.SimConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10's ambiguity, scripted: after a RESET probe a stopped target announces its stop again,
 * and a genuinely new hit (same thread, same site, same registers) is byte-identical to the stop we
 * continued from. The trace must neither record the echo of a lost continue as a hit nor swallow a
 * new hit as an echo; the target layer tells them apart by the live instruction pointer (moved past
 * the {@code int 3}: echo; back on it: a new hit). Every trace is checked hit by hit against the
 * simulator's ground truth, on x64 and on x86 (EIP, {@code call DbgBreakPoint} sites).
 */
class EchoOrNewStopTraceTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    private static final int HITS = 40;
    private static final int FLIPS = 4;
    @TempDir
    Path symbols;

    @Test
    void theEchoOfALostContinueIsNotRecordedAsAHit() {
        traceWith(PacketFlips.Fault.CONTINUE_AFTER_IP_MOVE, Architecture.X64, Strategy.STEP_OVER);
    }

    @Test
    void aNewHitLikeTheContinuedOneIsRecordedNotSwallowed() {
        traceWith(PacketFlips.Fault.STOP_LIKE_THE_LAST, Architecture.X64, Strategy.STEP_OVER);
    }

    @Test
    void theEchoOfALostContinueIsNotRecordedAsAHitOnX86() {
        traceWith(PacketFlips.Fault.CONTINUE_AFTER_IP_MOVE, Architecture.X86, Strategy.STEP_OVER);
    }

    @Test
    void aNewHitLikeTheContinuedOneIsRecordedNotSwallowedOnX86() {
        traceWith(PacketFlips.Fault.STOP_LIKE_THE_LAST, Architecture.X86, Strategy.STEP_OVER);
    }

    /**
     * --patch leaves each hit by remove, single-step, re-insert, without moving the IP: a lost step
     * or continue is echoed by a stop that cannot happen anew (no int 3 under a removed breakpoint, no
     * second single step unasked), so the echo is continued again.
     */
    @Test
    void lostStepsAndContinuesOfAPatchTraceAreNotRecorded() {
        traceWith(PacketFlips.Fault.EVERY_THIRD_CONTINUE, Architecture.X64, Strategy.PATCH);
    }

    @Test
    void lostStepsAndContinuesOfAPatchTraceAreNotRecordedOnX86() {
        traceWith(PacketFlips.Fault.EVERY_THIRD_CONTINUE, Architecture.X86, Strategy.PATCH);
    }

    private void traceWith(PacketFlips.Fault fault, Architecture arch, Strategy strategy) {
        PacketFlips[] flips = new PacketFlips[1];
        SimConfig config = FaultSim.config().withArchitecture(arch);
        try (LiveSim live = new LiveSim(config, symbols, FaultSim::noisy,
                link -> flips[0] = new PacketFlips(link, fault, FLIPS))) {
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            long poolHitTag = live.machine.kernel().globals().poolHitTag();
            byte[] idle = live.simBytes(poolHitTag, 4);
            session.arm(LEA2);
            int announcedBefore = flips[0].announcedStops();
            TraceRecorder recorder = LiveSim.recorder(LEA2);
            TraceResult result = session.trace(TraceRequest.of(HITS).withStrategy(strategy)).run(recorder);
            assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
            TraceSnapshot hits = recorder.trace().snapshot();
            assertEquals(HITS, hits.size());
            if (arch == Architecture.X86) {
                X86GroundTruthCheck.assertHitsMatch(hits, live.machine, false);
            } else {
                GroundTruthCheck.assertHitsMatch(hits, live.machine, false);
            }
            assertEquals(FLIPS, flips[0].flipped(), "the scripted faults happened");
            // STEP_OVER: one break per hit; PATCH: a break and a single step per hit but the last
            int breaks = strategy == Strategy.PATCH ? 2 * HITS - 1 : HITS;
            assertEquals(breaks, flips[0].announcedStops() - announcedBefore, "no int 3 re-executed by a resent continue");
            RestoreReport restore = session.restorer().restore();
            assertTrue(restore.restored(), restore.summary());
            assertArrayEquals(idle, live.simBytes(poolHitTag, 4));
        }
    }
}
