package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.StateChange64;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link SimulatedTarget#reconnect}: after a cut link the same machine is served again, still broken in where it was. */
class ReconnectTest {
    private static final SimConfig QUIET = SimConfig.DEFAULT.withEventsPerSecond(0).withInitialBreak(true)
            .withAckTimeout(Duration.ofMillis(100));

    @Test
    void aCutLinkPluggedBackInReportsTheSameStopOfTheSameBoot() throws Exception {
        SimulatedTarget first = SimulatedTarget.start(QUIET.withLink(LinkKnobs.PERFECT.withCutAfterPackets(12)));
        long pc;
        long base = first.machine().version().kernBase();
        try (Host host = new Host(first.hostEnd())) {
            pc = host.session.connect(Host.CALL).programCounter();
            byte[] marker = {1, 2, 3, 4};
            host.client.writeVirtual(first.machine().kernel().globals().poolHitTag(), marker);
            assertThrows(LinkClosedException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    host.client.getVersion();
                }
            });
        }
        assertTrue(first.awaitTermination(Host.CALL));
        assertThrows(IllegalStateException.class, () -> SimulatedTarget.start(QUIET).reconnect(QUIET));
        SimulatedTarget again = first.reconnect(QUIET);
        try (Host host = new Host(again.hostEnd())) {
            StateChange64 stop = host.session.connect(Host.CALL);
            assertEquals(pc, stop.programCounter(), "the stop it was held in, reported again");
            assertEquals(base, host.client.getVersion().kernBase());
            assertArrayEquals(new byte[] {1, 2, 3, 4},
                    host.client.readVirtual(first.machine().kernel().globals().poolHitTag(), 4), "same memory");
            assertEquals(1, again.machine().bootCount(), "same boot");
        }
        assertTrue(again.awaitTermination(Host.CALL));
        assertTrue(again.failure().isEmpty(), () -> "target failed: " + again.failure());
    }
}
