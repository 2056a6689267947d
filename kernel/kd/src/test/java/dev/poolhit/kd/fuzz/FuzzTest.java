package dev.poolhit.kd.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated golden packets through the framer and every decoder: only KdProtocolException may come
 * out (any other exception fails the run with its input), and nothing hangs (the timeouts are a
 * safety net against infinite loops, not performance assertions).
 */
class FuzzTest {
    static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>(FuzzCorpus.serialPackets());
        seeds.addAll(FuzzCorpus.capturedSerialPackets());
        return seeds;
    }

    static void fuzz(long seed, int inputs) throws Exception {
        Mutator mutator = new Mutator(seed, seeds());
        DecoderHarness harness = new DecoderHarness();
        for (int i = 0; i < inputs; i++) {
            byte[] input = mutator.next();
            try {
                harness.run(input, mutator);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("input " + i + " (seed " + seed + ") escaped with " + e + ": "
                        + dev.poolhit.common.Hex.bytes(input), e);
            }
        }
        assertTrue(harness.packets() > inputs / 10, "mutations still reach the decoders: " + harness.packets());
        assertTrue(harness.protocolErrors() > inputs, "mutations are rejected: " + harness.protocolErrors());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyThousandMutations() throws Exception {
        fuzz(0x5eed_0001L, 20_000);
    }

    @Test
    @Tag("fuzz-long")
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void oneMillionMutations() throws Exception {
        fuzz(0x5eed_0002L, 1_000_000);
    }
}
