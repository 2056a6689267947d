package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.TestImages;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void armedLea2Stops() {
        Machine m = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
        assertTrue(m.run(2000).isEmpty());
        long hit = m.kernel().globals().poolHitTag();
        m.requestBreakIn();
        StopEvent s0 = m.run(10).orElseThrow();
        System.out.println("breakin " + Hex.u64(s0.programCounter()) + " " + m.describe(s0.programCounter()));
        byte[] tag = {0x4c, 0x65, 0x61, 0x32};
        m.writeVirtual(hit, tag, 0, 4);
        m.setContext(0, m.context(0).withRip(s0.programCounter() + 1));
        m.resume(false, 0x400);
        Optional<StopEvent> s = m.run(1000);
        StopEvent e = s.orElseThrow();
        System.out.println(Hex.u64(e.programCounter()) + " " + m.describe(e.programCounter()) + " rsp " + Hex.u64(e.context().rsp()));
        System.out.println(m.groundTruth().entries().get(m.groundTruth().size() - 1));
    }
}
