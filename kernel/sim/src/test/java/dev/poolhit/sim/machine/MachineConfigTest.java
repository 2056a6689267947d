package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.sim.workload.WorkloadMix;
import org.junit.jupiter.api.Test;

class MachineConfigTest {
    @Test
    void rejectsImpossibleKnobs() {
        assertEquals("processors must be 1..64, actual 0", assertThrows(IllegalArgumentException.class,
                () -> MachineConfig.DEFAULT.withProcessors(0)).getMessage());
        assertEquals("eventsPerSecond and rebootAfterEvents must be >= 0, actual -1.0, 0",
                assertThrows(IllegalArgumentException.class, () -> MachineConfig.DEFAULT.withEventsPerSecond(-1))
                        .getMessage());
        assertEquals("workload mix weights must be >= 0 with a positive sum, actual 0.0/0.0/0.0",
                assertThrows(IllegalArgumentException.class, () -> new WorkloadMix(0, 0, 0)).getMessage());
    }

    @Test
    void leakOnlyMixStillWrapsEachLeakInIoManagerTraffic() {
        MachineConfig leakOnly = new MachineConfig(1, new WorkloadMix(1, 0, 0), 0, 1, 0);
        Machine machine = Machine.boot(leakOnly, dev.poolhit.sim.TestImages.load(), new dev.poolhit.sim.FakeTicker());
        machine.run(50);
        assertEquals(10, machine.groundTruth().withTag(0x3261654c).size(), "one Lea2 per five-event IOCTL");
        assertEquals(0, machine.groundTruth().entries().stream().filter(e -> e.processor() != 0).count());
    }
}
