package dev.poolhit.pool.file;

import static dev.poolhit.pool.TableAssert.assertSameTable;
import static dev.poolhit.pool.TestHits.FREEING;
import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.free;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TestHits;
import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.bench.TraceGenerator;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    /** Every awkward value: missing everything, quotes and commas in names, an empty stack, x86 sizes. */
    static Trace awkward() {
        Frame odd = new Frame(Missing.LONG, Missing.LONG, 0x10, "drv", "op,\"erator\"\n<int, char>", 0x10,
                "drv!op,\"erator\"\n<int, char>+0x10");
        Frame inline = new Frame(Missing.LONG, Missing.LONG, Missing.LONG, "nt", "KiInline", Missing.LONG, "nt!KiInline");
        Frame bare = Frame.of(0x0012f930L, 0, 0x8059cec8L, Missing.TEXT, Missing.TEXT, Missing.LONG);
        Trace t = TestHits.trace(
                alloc(0xfffffa8004000000L, 0x100, LEAKY),
                Hit.builder().kind(HitKind.FREE).site(0xfffff8000160f5b7L, "nt!ExDeferredFreePool+0xb57").build(),
                Hit.builder().time(1_764_115_200_123_456_789L).processor(3).thread(-1L).process(0)
                        .site(Missing.LONG, " lead, trail ").frames(List.of(odd, inline, bare)).build(),
                free(0xfffffa8004000000L, FREEING));
        t.addModule(new ModuleInfo("nt", 0xfffff80001610000L, 0x5e5000, 0x4ce7951aL, "ntkrnlmp.pdb",
                "3844DBB920174967BE7AA4A2C20430FA", 2));
        t.addModule(new ModuleInfo("myfault", 0xfffff8800496d000L, Missing.LONG, Missing.LONG, "", "", Missing.INT));
        return t;
    }

    static void assertSameTables(Trace expected, Trace actual) {
        TraceTables e = TraceTables.of(expected);
        TraceTables a = TraceTables.of(actual);
        assertSameTable(e.hits(), a.hits());
        assertSameTable(e.frames(), a.frames());
        assertSameTable(e.stacks(), a.stacks());
        assertSameTable(e.outstanding(), a.outstanding());
        assertSameTable(e.stackFrames(), a.stackFrames());
        assertEquals(expected.snapshot().modules(), actual.snapshot().modules());
        assertEquals(expected.info(), actual.info());
    }

    @Test
    void saveThenLoadGivesIdenticalTables() {
        Trace t = awkward();
        Path file = dir.resolve("awkward.phtrace");
        TraceFile.save(t, file, CLOCK);
        LoadedTrace loaded = TraceFile.load(file);
        assertTrue(loaded.complete());
        assertEquals(List.of(), loaded.notes());
        assertSameTables(t, loaded.trace());
        for (int h = 0; h < t.size(); h++) {
            assertEquals(t.snapshot().hit(h), loaded.trace().snapshot().hit(h));
        }
    }

    @Test
    void generatedTraceRoundTripsAcrossSeveralHitEntries() {
        Trace t = TraceGenerator.generate(2_500, 12, 7);
        Path file = dir.resolve("generated.phtrace");
        TraceFile.save(t, file, CLOCK, 1_000);
        LoadedTrace loaded = TraceFile.load(file);
        assertTrue(loaded.complete());
        assertSameTables(t, loaded.trace());
    }

    @Test
    void savingReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("t.phtrace");
        Files.writeString(file, "old");
        TraceFile.save(awkward(), file, CLOCK);
        assertEquals(4, TraceFile.load(file).trace().size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.phtrace");
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFile.load(file));
        assertEquals("trace file not found: " + file, e.getMessage());
    }

    @Test
    void textFileIsNotATrace() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFile.load(file));
        assertEquals("not a PoolHit trace file: " + file + ": no zip entries", e.getMessage());
    }

    @Test
    void unfinishedFileSaysSo() {
        Path file = dir.resolve("open.phtrace");
        Trace t = awkward();
        TraceFileWriter w = TraceFileWriter.create(file, t.info(), CLOCK);
        w.write(t.snapshot()); // never finished: as after a crash
        LoadedTrace loaded = TraceFile.load(file);
        assertFalse(loaded.complete());
        assertEquals(List.of("the file was not closed (no end.json): the recording stopped abruptly or is"
                + " still being written; read the 4 hits flushed so far"), loaded.notes());
        assertSameTables(t, loaded.trace());
        w.close();
    }
}
