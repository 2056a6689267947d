package dev.poolhit.kd.transport.kdnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Mutated real datagrams never get past authentication into a decoder, never throw, and never
 * stop the codec from accepting the next good datagram.
 */
class KdnetHostileInputTest {
    @Test
    void mutatedCaptureDatagramsAreDroppedAndTheSessionGoesOn() throws Exception {
        Assumptions.assumeTrue(CaptureDatagrams.fixture().isPresent(), "shared fixture absent");
        List<CaptureDatagrams.Datagram> target = CaptureDatagrams.read().stream()
                .filter(CaptureDatagrams.Datagram::fromTarget).toList();
        KdnetHostCodec codec = KdnetHostCodec.create(KdnetKey.parse("8.8.8.8"),
                KdnetCaptureReplayTest.HOST_RANDOM::clone);
        codec.receive(target.get(0).udp(), CaptureDatagrams.TARGET);
        SplittableRandom dice = new SplittableRandom(12);
        int mutations = 0;
        for (int i = 1; i < target.size(); i++) {
            byte[] good = target.get(i).udp();
            for (int m = 0; m < 8; m++, mutations++) {
                KdnetStep step = codec.receive(mutate(good, dice), CaptureDatagrams.TARGET);
                assertInstanceOf(KdnetStep.Drop.class, step, "mutation " + m + " of datagram " + i);
            }
            KdnetStep step = codec.receive(good, CaptureDatagrams.TARGET);
            assertTrue(!(step instanceof KdnetStep.Drop), "good datagram " + i + " after mutations: " + step);
        }
        KdnetStats stats = codec.stats();
        assertEquals(mutations, stats.droppedTotal(), stats.summary());
        assertTrue(stats.dropped(KdnetDrop.BAD_HMAC) > mutations / 2, stats.summary());
    }

    /** One flipped byte, a cut, or a replay of an earlier sequence number (the datagram itself, resent). */
    private static byte[] mutate(byte[] good, SplittableRandom dice) {
        byte[] b = good.clone();
        switch (dice.nextInt(3)) {
            case 0 -> b[dice.nextInt(4, b.length)] ^= (byte) (1 + dice.nextInt(255));
            case 1 -> b = Arrays.copyOf(b, dice.nextInt(b.length));
            default -> b[dice.nextInt(b.length - 16, b.length)] ^= 0x40;
        }
        return b;
    }
}
