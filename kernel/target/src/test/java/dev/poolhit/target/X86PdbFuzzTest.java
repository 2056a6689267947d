package dev.poolhit.target;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.target.pdb.PdbFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutations of the real x86 ntkrnlpa.pdb, biased to its info stream (named stream map),
 * "New FPO" stream and /names: reading FRAMEDATA may fail only with PdbFormatException's family.
 * The timeout is a hang guard, not a speed assertion.
 */
class X86PdbFuzzTest {
    private static final byte[] PDB = SimImages.x86().bytes("ntkrnlpa.pdb");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedFrameDataGivesOnlyTypedErrors() {
        fuzz(0x5eed, 300);
    }

    @Test
    @Tag("fuzz-long")
    void longRun() {
        fuzz(1, 20_000);
    }

    private static void fuzz(long seed, int runs) {
        Mutator mutator = new Mutator(PDB, hotRegions());
        int typed = 0;
        for (int i = 0; i < runs; i++) {
            byte[] input = mutator.mutate(new Random(seed * 1_000_003L + i));
            try {
                PdbFile.parse(input, "fuzz.pdb").frameData().lookup(0x1053);
            } catch (TargetException expected) {
                typed++;
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " run " + i + ": " + e, e);
            }
        }
        assertTrue(typed > 0, "mutations never produced an error: the mutator is not reaching the parser");
    }

    /** Where the info stream (Version 20000404), the New FPO stream (first record RVA 0x1000, CodeSize 41) and /names start. */
    private static List<int[]> hotRegions() {
        List<int[]> hot = new ArrayList<>();
        hot.add(new int[] {find(0x01312e94L, -1), 93});
        hot.add(new int[] {find(0x1000, 41), 3072});
        hot.add(new int[] {find(0xeffeeffeL, -1), 1178});
        return hot;
    }

    private static int find(long first, long second) {
        for (int at = 0; at + 8 <= PDB.length; at += 4) {
            if (LittleEndian.u32(PDB, at) == first && (second < 0 || LittleEndian.u32(PDB, at + 4) == second)) {
                return at;
            }
        }
        throw new AssertionError("pattern 0x" + Long.toHexString(first) + " not in ntkrnlpa.pdb");
    }
}
