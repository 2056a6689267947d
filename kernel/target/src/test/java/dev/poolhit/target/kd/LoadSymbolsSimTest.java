package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load-symbols announcements (at boot, again after a reboot) are continued by themselves and keep the module list. */
class LoadSymbolsSimTest {
    @TempDir
    Path symbols;

    @Test
    void announcementsAfterARebootAreContinuedWhileWaitingForAStop() {
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withLoadSymbols(true);
        try (SimulatedTarget sim = SimulatedTarget.start(config);
             KdTarget target = KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()), KdTargetOptions.defaults()
                     .withSymbolPath(SimTargets.pdbFolder(symbols)))) {
            assertEquals(2, target.modules().all().size());
            Stop first = target.lastStop().orElseThrow();
            target.setInstructionPointer(first.pc() + 1);
            long freePool = target.resolve("nt!ExFreePoolWithTag").orElseThrow();
            target.setBreakpoint(freePool + 1);
            target.patch(freePool + 2, (byte) 0x90);
            target.resume();
            sim.reboot();
            assertTrue(target.awaitStop(Duration.ofMillis(300)).isEmpty(), "announcements are not stops");
            target.breakIn();
            Stop stop = target.awaitStop(Duration.ofSeconds(20)).orElseThrow();
            assertEquals(target.info().breakpointWithStatus(), stop.pc());
            assertEquals(List.of("nt", "myfault"), target.modules().all().stream().map(m -> m.name()).toList());
            assertEquals(2, sim.machine().bootCount());
            assertEquals(1, target.reboots());
            assertTrue(target.breakpoints().isEmpty() && target.patches().isEmpty(), "a reboot took our edits with it");
        }
    }
}
