package dev.poolhit.pool.record;

import static dev.poolhit.pool.TestHits.FREEING;
import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.free;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TestHits;
import dev.poolhit.pool.file.LoadedTrace;
import dev.poolhit.pool.file.TraceFile;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.TraceInfo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRecorderTest {
    private static final TraceInfo INFO = new TraceInfo("live sim", "Windows 7 x64", TestHits.LEA2, Missing.LONG);
    private final ManualClock clock = new ManualClock();
    @TempDir
    Path dir;

    @Test
    void hitsReachTheFileWithinASecondAndSurviveAnAbruptStop() {
        Path file = dir.resolve("live.phtrace");
        TraceRecorder r = TraceRecorder.streaming(file, INFO, clock);
        r.record(alloc(0x1000, 0x10, LEAKY));
        clock.advance(Duration.ofMillis(999));
        r.record(alloc(0x2000, 0x10, LEAKY));
        assertEquals(0, TraceFile.load(file).trace().size(), "nothing due yet");

        clock.advance(Duration.ofMillis(1));
        r.record(free(0x2000, FREEING)); // a second since the last flush: all three go out
        r.record(alloc(0x3000, 0x10, LEAKY)); // stays in memory: lost if the kernel dies now
        LoadedTrace crashed = TraceFile.load(file); // the writer is never closed
        assertFalse(crashed.complete());
        assertEquals(3, crashed.trace().size());
        assertEquals(4, r.trace().size());
    }

    @Test
    void tickFlushesWhenNoFurtherHitArrives() {
        Path file = dir.resolve("idle.phtrace");
        TraceRecorder r = TraceRecorder.streaming(file, INFO, clock);
        clock.advance(Duration.ofSeconds(5));
        r.record(alloc(0x1000, 0x10, LEAKY)); // flushed at once: the last flush is old
        r.record(alloc(0x2000, 0x10, LEAKY));
        r.tick();
        assertEquals(1, TraceFile.load(file).trace().size(), "tick before the second is up writes nothing");
        clock.advance(Duration.ofSeconds(1));
        r.tick();
        assertEquals(2, TraceFile.load(file).trace().size());
    }

    @Test
    void closeFinishesTheFile() {
        Path file = dir.resolve("done.phtrace");
        try (TraceRecorder r = TraceRecorder.streaming(file, INFO, clock)) {
            r.moduleLoaded(new ModuleInfo("myfault", 0xfffff8800496d000L, 0x8000, Missing.LONG, "", "", Missing.INT));
            r.record(alloc(0x1000, 0x10, LEAKY));
        }
        LoadedTrace done = TraceFile.load(file);
        assertTrue(done.complete());
        assertEquals(1, done.trace().size());
        assertEquals("myfault", done.trace().snapshot().modules().get(0).name());
        assertEquals(INFO, done.trace().info());
    }

    @Test
    void inMemoryRecorderWritesNoFile() {
        TraceRecorder r = TraceRecorder.inMemory(INFO, clock);
        assertEquals(0, r.record(alloc(0x1000, 0x10, LEAKY)));
        assertTrue(r.file().isEmpty());
        r.close();
        assertEquals(1, r.trace().size());
    }
}
