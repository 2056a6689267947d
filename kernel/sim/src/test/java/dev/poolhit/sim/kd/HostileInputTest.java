package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.transport.KdClock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Line noise and junk packets never end or confuse the target: a host can still connect and work. */
class HostileInputTest {
    @Test
    void seededGarbageThenANormalSession() throws Exception {
        FakeMachine fake = new FakeMachine();
        SimConfig config = SimConfig.DEFAULT.withBootPrint(false).withInitialBreak(true)
                .withAckTimeout(Duration.ofMillis(200));
        SimulatedTarget target = SimulatedTarget.start(fake, null, config, KdClock.system());
        SplittableRandom dice = new SplittableRandom(99);
        byte[] noise = new byte[64 * 1024];
        for (int i = 0; i < noise.length; i++) {
            // leader bytes and break-in bytes are frequent, so the framer is exercised at every state
            int pick = dice.nextInt(8);
            noise[i] = (byte) (pick == 0 ? 0x30 : pick == 1 ? 0x69 : pick == 2 ? 0x62 : dice.nextInt(256));
        }
        for (int at = 0; at < noise.length; at += 4096) {
            target.hostEnd().write(noise, at, 4096);
        }
        try (Host host = new Host(target.hostEnd(), Duration.ofMillis(200))) {
            host.session.connect(Host.CALL);
            assertEquals(FakeMachine.KERN_BASE, host.client.getVersion().kernBase());
            assertEquals(FakeMachine.RIP, host.client.getContext(0).rip());
        }
        assertTrue(target.awaitTermination(Host.CALL));
        assertTrue(target.failure().isEmpty(), () -> "target failed: " + target.failure());
    }
}
