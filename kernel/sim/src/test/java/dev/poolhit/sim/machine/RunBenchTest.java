package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Events per second of an unarmed machine (nothing breaks); run with -Dgroups=bench. */
@Tag("bench")
class RunBenchTest {
    private static final System.Logger LOG = System.getLogger(RunBenchTest.class.getName());

    @Test
    void unarmedEventsPerSecond() {
        Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        machine.run(20_000);
        long start = System.nanoTime();
        assertTrue(machine.run(200_000).isEmpty());
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.log(System.Logger.Level.INFO, String.format("%.0f pool events/s unarmed", 200_000 / seconds));
    }
}
