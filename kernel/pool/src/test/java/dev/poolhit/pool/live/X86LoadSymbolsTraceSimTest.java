package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kd.SimConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 32-bit boot of 30 load-symbols announcements, then a driver loaded in the middle of a trace:
 * the announcement is continued by itself, is never a hit, and the module list grows by one.
 */
class X86LoadSymbolsTraceSimTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    @TempDir
    Path symbols;

    @Test
    void aDriverLoadedDuringATraceIsNoHitAndJoinsTheModuleList() {
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withLoadSymbols(true).withInitialBreak(true)
                .withMachine(SimConfig.DEFAULT.machine().withArchitecture(Architecture.X86).withExtraDrivers(28)
                        .withLateDriverAfterEvents(200));
        try (LiveSim live = new LiveSim(config, symbols)) {
            assertEquals(30, live.target.modules().all().size(), "every boot announcement continued, every module listed");
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            session.arm(LEA2);
            TraceRecorder recorder = LiveSim.recorder(LEA2);
            TraceResult result = session.trace(TraceRequest.of(150)).run(recorder);
            assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
            X86GroundTruthCheck.assertHitsMatch(recorder.trace().snapshot(), live.machine, false);
            assertEquals(31, live.machine.images().stream().filter(LoadedImage::kernelMode).count(),
                    "the late driver loaded during the trace");
            assertEquals(31, live.target.modules().all().size());
            session.restorer().restore();
        }
    }
}
