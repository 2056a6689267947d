package dev.poolhit.target.kd;

import static dev.poolhit.target.kd.SimTargets.x86;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * x86 load-symbols state changes: the 30 of a boot are continued during attach (with the x86
 * Continue2, the machine being known from GetVersion before the first continue) and every module
 * is listed; one arriving while the target runs is continued by itself and updates the list.
 */
class X86LoadSymbolsSimTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path symbols;

    @Test
    void aBootOfThirtyAnnouncementsAttachesWithEveryModuleListed() {
        SimConfig config = x86Config(0);
        try (SimulatedTarget sim = SimulatedTarget.start(config); KdTarget target = attach(sim)) {
            List<LoadedImage> images = sim.machine().images().stream().filter(LoadedImage::kernelMode).toList();
            assertEquals(30, images.size());
            assertEquals(images.stream().map(i -> x86(i.base())).toList(),
                    target.modules().all().stream().map(m -> m.base()).toList());
            assertEquals(Stop.Kind.BREAKPOINT, target.lastStop().orElseThrow().kind());
            assertEquals(target.info().breakpointWithStatus(), target.lastStop().orElseThrow().pc());
        }
    }

    @Test
    void aDriverLoadedWhileRunningIsContinuedAndListed() {
        SimConfig config = x86Config(20);
        try (SimulatedTarget sim = SimulatedTarget.start(config); KdTarget target = attach(sim)) {
            int before = target.modules().all().size();
            long poolHitTag = target.resolve("nt!PoolHitTag").orElseThrow();
            target.write(poolHitTag, "Lea2".getBytes(StandardCharsets.US_ASCII));
            for (int hit = 0; hit < 200 && kernelImages(sim) == before; hit++) {
                Stop stop = target.lastStop().orElseThrow();
                target.setInstructionPointer(stop.pc() + 1); // past the break-in's or the last hit's int 3
                target.resume();
                assertEquals(Stop.Kind.BREAKPOINT, target.awaitStop(WAIT).orElseThrow().kind(),
                        "an announcement is no stop");
            }
            assertEquals(before + 1, kernelImages(sim), "the late driver was loaded");
            assertEquals(before + 1, target.modules().all().size());
            assertEquals(sim.machine().images().stream().filter(LoadedImage::kernelMode).map(i -> x86(i.base())).toList(),
                    target.modules().all().stream().map(m -> m.base()).toList());
        }
    }

    private static long kernelImages(SimulatedTarget sim) {
        return sim.machine().images().stream().filter(LoadedImage::kernelMode).count();
    }

    private static SimConfig x86Config(long lateDriverAfterEvents) {
        return SimConfig.DEFAULT.withEventsPerSecond(0).withLoadSymbols(true).withInitialBreak(true)
                .withMachine(SimConfig.DEFAULT.machine().withArchitecture(Architecture.X86).withExtraDrivers(28)
                        .withLateDriverAfterEvents(lateDriverAfterEvents));
    }

    private KdTarget attach(SimulatedTarget sim) {
        return KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()), KdTargetOptions.defaults()
                .withSymbolPath(SimTargets.pdbFolder(symbols, SimImages.x86())).withConnectTimeout(WAIT));
    }
}
