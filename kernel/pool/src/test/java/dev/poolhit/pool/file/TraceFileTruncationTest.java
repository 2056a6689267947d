package dev.poolhit.pool.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cut at every byte, as a crash of the writer or a full disk leaves it. */
class TraceFileTruncationTest {
    @TempDir
    Path dir;

    @Test
    void everyPrefixLoadsTheCompleteEntriesOrFailsTyped() throws IOException {
        Trace t = TraceFileTest.awkward();
        Path whole = dir.resolve("whole.phtrace");
        TraceFile.save(t, whole, TraceFileTest.CLOCK, 1);
        byte[] bytes = Files.readAllBytes(whole);
        int manifestEnd = secondLocalHeader(bytes);
        Path cut = dir.resolve("cut.phtrace");
        int previous = 0;
        int typedFailures = 0;
        for (int length = 0; length <= bytes.length; length++) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            try {
                LoadedTrace loaded = TraceFile.load(cut);
                int n = loaded.trace().size();
                assertTrue(n >= previous, "a longer prefix never loses hits (length " + length + ")");
                assertTrue(!loaded.complete() || n == t.size(), "complete only with every hit");
                previous = n;
            } catch (TraceFileException e) {
                typedFailures++;
                assertTrue(length < manifestEnd, "only a cut inside the manifest fails, not at " + length + ": " + e.getMessage());
            }
        }
        assertEquals(t.size(), previous);
        assertEquals(manifestEnd, typedFailures, "every cut inside the manifest entry fails");
    }

    /** Where the entry after manifest.json starts: the second "PK\3\4" local file header. */
    private static int secondLocalHeader(byte[] zip) {
        int found = 0;
        for (int i = 0; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && ++found == 2) {
                return i;
            }
        }
        throw new AssertionError("no second entry");
    }
}
