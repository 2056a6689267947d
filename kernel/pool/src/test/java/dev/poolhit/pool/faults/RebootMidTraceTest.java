package dev.poolhit.pool.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.live.LiveSim;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.TargetState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target reboots mid-trace (the simulator's reboot knob; the kernel re-announces itself with
 * load-symbols, as Windows does to an attached debugger): the trace ends REBOOTED with the hits so
 * far, the new boot runs with nothing of ours on it, and a new attach in the same JVM works.
 */
class RebootMidTraceTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    @TempDir
    Path symbols;

    @Test
    void aRebootEndsTheTraceWithItsHitsAndANewAttachWorks() {
        rebootAfter(50);
    }

    @Test
    @Tag("fuzz-long")
    void rebootsAtManyPointsOfTheTrace() {
        for (int at = 1; at <= 400; at += 37) {
            rebootAfter(at);
        }
    }

    private void rebootAfter(int hits) {
        try (LiveSim live = new LiveSim(FaultSim.config().withLoadSymbols(true), symbols)) {
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            session.arm(LEA2);
            TraceRecorder recorder = LiveSim.recorder(LEA2);
            TraceResult result = session.trace(TraceRequest.of(1_000_000).withTimeout(Duration.ofMinutes(2)))
                    .progress((n, of) -> {
                        if (n == hits) {
                            live.sim.reboot();
                        }
                    }).run(recorder);
            assertEquals(TraceEnd.REBOOTED, result.end(), result.message());
            assertTrue(result.message().startsWith("target rebooted after " + result.hits()
                    + " hits; the hits so far are kept; restored: target rebooted since PoolHitTag was armed"),
                    result.message());
            assertTrue(result.hits() >= hits, result.message());
            assertEquals(result.hits(), recorder.trace().size(), "every hit before the reboot is kept");
            assertEquals(2, live.machine.bootCount());
            assertEquals(TargetState.RUNNING, live.target.state(), "the new boot was resumed");
            assertEquals(0, live.machine.breakpointCount());
            assertArrayEquals(IDLE, live.simBytes(live.machine.kernel().globals().poolHitTag(), 4));
        }
        attachAgainInThisJvm();
    }

    /** The in-process equivalent of a new %connect after the old session's target went away. */
    private void attachAgainInThisJvm() {
        SimulatedTarget sim = SimulatedTarget.start(FaultSim.config());
        try (KdTarget target = LiveSim.attach(sim, symbols, UnaryOperator.identity())) {
            PoolHitTagSession session = PoolHitTagSession.locate(target);
            session.arm(LEA2);
            TraceResult again = session.trace(TraceRequest.of(5)).run(LiveSim.recorder(LEA2));
            assertEquals(TraceEnd.COMPLETED, again.end(), again.message());
            assertTrue(session.restorer().restore().restored());
        } finally {
            sim.close();
        }
    }
}
