package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.machine.MachineConfig;
import org.junit.jupiter.api.Test;

/** The x86 and driver-loading options of SimMain's command line. */
class SimArgsTest {
    @Test
    void archAndDriverOptionsReachTheMachineConfig() {
        MachineConfig m = SimArgs.parse(new String[] {"--port", "0", "--arch", "x86", "--extra-drivers", "28",
            "--late-driver-after", "500"}).config().machine();
        assertEquals(Architecture.X86, m.architecture());
        assertEquals(28, m.extraDrivers());
        assertEquals(500, m.lateDriverAfterEvents());
        assertEquals(Architecture.X64, SimArgs.parse(new String[] {"--port", "0"}).config().machine().architecture());
    }

    @Test
    void unknownArchitectureNamesTheRule() {
        assertEquals("unknown architecture: expected x64 or x86, actual 'arm64'",
                assertThrows(IllegalArgumentException.class,
                        () -> SimArgs.parse(new String[] {"--arch", "arm64"})).getMessage());
    }
}
