package dev.poolhit.pool.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.live.Strategy;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's trace figures: hits per second, KD requests (round trips) per hit and bytes on the
 * wire per hit in steady state (second half of each trace), for step-over, patch and pair mode,
 * over loopback TCP and over a simulated 115200-baud serial line. Prints; asserts no speed.
 */
@Tag("bench")
class TraceBenchTest {
    private static final SimConfig UNPACED = SimConfig.DEFAULT.withEventsPerSecond(0);
    /** Hits per serial trace: a hit moves about 39 KB (16 page reads), over 3 s at 115200 baud. */
    private static final int BAUD_HITS = 20;

    @TempDir
    Path dir;

    @Test
    void overLoopbackTcp() throws Exception {
        for (TraceRequest request : requests(2_000)) {
            try (TraceBenchRig rig = TraceBenchRig.overTcp(UNPACED, Files.createTempDirectory(dir, "pdb"))) {
                report(TraceBenchRun.run(rig, request, "tcp " + name(request)));
            }
        }
    }

    @Test
    void overA115200BaudLine() throws Exception {
        SimConfig serial = UNPACED.withLink(LinkKnobs.PERFECT.withBaud(115_200));
        for (TraceRequest request : requests(BAUD_HITS)) {
            try (TraceBenchRig rig = TraceBenchRig.inProcess(serial, Files.createTempDirectory(dir, "pdb"))) {
                report(TraceBenchRun.run(rig, request, "115200 baud " + name(request)));
            }
        }
    }

    private static TraceRequest[] requests(int hits) {
        return new TraceRequest[] {TraceRequest.of(hits), TraceRequest.of(hits).withStrategy(Strategy.PATCH),
            TraceRequest.of(hits).withPair(true)};
    }

    private static String name(TraceRequest r) {
        return r.pair() ? "step-over --pair" : r.strategy() == Strategy.PATCH ? "--patch" : "step-over";
    }

    private static void report(TraceBenchRun.Figures f) {
        System.out.println("FIGURE trace " + f.line());
        assertTrue(f.hits() > 0, f.label());
    }
}
