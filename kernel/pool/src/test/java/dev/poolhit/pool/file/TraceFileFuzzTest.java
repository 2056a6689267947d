package dev.poolhit.pool.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.bench.TraceGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of a valid trace file (bytes flipped, cut, duplicated, and CSV text mangled
 * before zipping): loading gives a trace or a {@link TraceFileException}, nothing else.
 */
class TraceFileFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailOnlyTyped() throws IOException {
        fuzz(300, 20261126L);
    }

    @Test
    @Tag("fuzz-long")
    void mutatedFilesFailOnlyTypedLong() throws IOException {
        fuzz(20_000, 1L);
    }

    private void fuzz(int rounds, long seed) throws IOException {
        Path valid = dir.resolve("valid.phtrace");
        TraceFile.save(TraceGenerator.generate(300, 6, 3), valid, TraceFileTest.CLOCK, 100);
        byte[] original = Files.readAllBytes(valid);
        Random random = new Random(seed);
        Path mutant = dir.resolve("mutant.phtrace");
        int loaded = 0;
        for (int round = 0; round < rounds; round++) {
            Files.write(mutant, mutate(original, random));
            try {
                TraceFile.load(mutant);
                loaded++;
            } catch (TraceFileException expected) {
                assertTrue(expected.getMessage().contains(mutant.toString()), expected.getMessage());
            }
        }
        assertTrue(loaded > 0, "some mutants still load (the reader recovers what it can)");
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] out = in.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, r.nextInt(out.length));
            case 2 -> {
                int from = r.nextInt(out.length);
                int len = r.nextInt(Math.min(200, out.length - from));
                byte[] longer = new byte[out.length + len];
                System.arraycopy(out, 0, longer, 0, from + len);
                System.arraycopy(out, from, longer, from + len, out.length - from);
                out = longer;
            }
            default -> out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }
}
