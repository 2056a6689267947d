package dev.poolhit.kd.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded structure-aware mutations of golden packets: bit flips, cuts, splices, length edits. */
final class Mutator {
    private final SplittableRandom random;
    private final List<byte[]> seeds;

    Mutator(long seed, List<byte[]> seeds) {
        this.random = new SplittableRandom(seed);
        this.seeds = seeds;
    }

    byte[] next() {
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            b = mutate(b);
        }
        return b;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return seeds.get(random.nextInt(seeds.size())).clone();
        }
        return switch (random.nextInt(7)) {
            case 0 -> flipBits(b);
            case 1 -> Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 2 -> splice(b);
            case 3 -> editU16(b, 6);                    // KD_PACKET ByteCount
            case 4 -> editU16(b, 16 + random.nextInt(Math.max(1, Math.min(b.length, 0x100) - 16)));
            case 5 -> insert(b, new byte[] {0x62, 0x30, 0x30, 0x30, 0x30, 0x69, (byte) 0xaa}[random.nextInt(7)]);
            default -> Arrays.copyOfRange(b, random.nextInt(b.length), b.length);
        };
    }

    private byte[] flipBits(byte[] b) {
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] splice(byte[] b) {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int cut = random.nextInt(b.length + 1);
        int from = random.nextInt(other.length + 1);
        byte[] out = Arrays.copyOf(b, cut + other.length - from);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private byte[] editU16(byte[] b, int at) {
        if (at + 1 >= b.length) {
            return b;
        }
        int value = switch (random.nextInt(4)) {
            case 0 -> 0xffff;
            case 1 -> 0;
            case 2 -> ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8) + random.nextInt(9) - 4;
            default -> random.nextInt(0x10000);
        };
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        return b;
    }

    private byte[] insert(byte[] b, byte value) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }
}
