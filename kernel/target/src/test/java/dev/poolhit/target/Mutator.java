package dev.poolhit.target;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded structure-aware mutations: byte flips and "interesting" u32 values (0, -1, sign bits,
 * small and huge counts), biased towards given hot regions (headers, directories), plus truncation.
 */
final class Mutator {
    private static final long[] INTERESTING = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x1000, 0xffff, 0x10000,
            0x7fffffffL, 0x80000000L, 0xfffffffeL, 0xffffffffL};
    private final byte[] original;
    private final List<int[]> hot;

    /** @param hot regions as {start, length} where mutations land more often */
    Mutator(byte[] original, List<int[]> hot) {
        this.original = original;
        this.hot = hot;
    }

    byte[] mutate(Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = offset(random, b.length);
            if (random.nextBoolean()) {
                b[at] ^= (byte) (1 + random.nextInt(255));
            } else if (at + 4 <= b.length) {
                long v = random.nextInt(3) == 0 ? random.nextInt() & 0xffffffffL : INTERESTING[random.nextInt(INTERESTING.length)];
                LittleEndian.put32(b, at & ~3, v);
            }
        }
        if (random.nextInt(10) == 0) {
            b = Arrays.copyOf(b, random.nextInt(b.length));
        }
        return b;
    }

    private int offset(Random random, int length) {
        if (!hot.isEmpty() && random.nextInt(10) < 7) {
            int[] region = hot.get(random.nextInt(hot.size()));
            int at = region[0] + random.nextInt(Math.max(1, region[1]));
            return Math.min(at, length - 1);
        }
        return random.nextInt(length);
    }
}
