package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.machine.Machine;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sessions over a noisy link: the host's retries and the target's resends still give exact results. */
class LinkFaultsTest {
    private static final SimConfig QUIET = SimConfig.DEFAULT.withEventsPerSecond(0).withInitialBreak(true)
            .withAckTimeout(Duration.ofMillis(100));

    @Test
    void fewHundredRequestsSurviveOnePercentFaultsBothWays() throws Exception {
        LinkKnobs noisy = LinkKnobs.PERFECT.withFaults(ByteFaults.uniform(0.01)).withSeed(20261126);
        SimulatedTarget target = SimulatedTarget.start(QUIET.withLink(noisy));
        Machine machine = target.machine();
        try (Host host = new Host(target.hostEnd(), Duration.ofMillis(100))) {
            host.session.connect(Host.CALL);
            KdClient client = host.client;
            List<LoadedImage> images = machine.images().stream().filter(LoadedImage::kernelMode).toList();
            SplittableRandom dice = new SplittableRandom(7);
            for (int i = 0; i < 300; i++) {
                switch (i % 4) {
                    case 0 -> assertEquals(machine.version().kernBase(), client.getVersion().kernBase());
                    case 1 -> assertEquals(RegisterCodec.encode(machine.context(i % 2)), client.getContext(i % 2));
                    case 2 -> assertEquals(machine.kpcr(i % 2), LittleEndian.u64(client.readControlSpace(i % 2, 0, 8), 0));
                    default -> {
                        LoadedImage image = images.get(dice.nextInt(images.size()));
                        long address = image.base() + dice.nextLong(image.size() - 600);
                        int length = 1 + dice.nextInt(600);
                        byte[] expected = new byte[length];
                        assertEquals(length, machine.readVirtual(address, expected, 0, length));
                        assertArrayEquals(expected, client.readVirtual(address, length), "read " + i);
                    }
                }
            }
        }
        assertTrue(target.awaitTermination(Host.CALL));
        assertTrue(target.failure().isEmpty(), () -> "target failed: " + target.failure());
    }

    @Test
    void aSessionAt115200BaudReadsExactBytes() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(QUIET.withLink(LinkKnobs.PERFECT.withBaud(115200)));
        Machine machine = target.machine();
        try (Host host = new Host(target.hostEnd())) {
            host.session.connect(Host.CALL);
            long base = machine.version().kernBase();
            byte[] expected = new byte[16 * 1024];
            assertEquals(expected.length, machine.readVirtual(base, expected, 0, expected.length));
            assertArrayEquals(expected, host.client.readVirtual(base, expected.length));
        }
        assertTrue(target.awaitTermination(Host.CALL));
    }

    @Test
    void cutAfterPacketsEndsTheLinkCleanly() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(QUIET.withLink(LinkKnobs.PERFECT.withCutAfterPackets(8)));
        try (Host host = new Host(target.hostEnd())) {
            host.session.connect(Host.CALL);
            assertThrows(LinkClosedException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    GetVersion64 v = host.client.getVersion();
                    assertEquals(target.machine().version().kernBase(), v.kernBase());
                }
            });
        }
        assertTrue(target.awaitTermination(Host.CALL), "target ends with the link");
        assertTrue(target.failure().isEmpty(), () -> "a cut link is a normal end, not " + target.failure());
    }
}
