package dev.poolhit.pool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.file.LoadedTrace;
import dev.poolhit.pool.file.TraceFile;
import dev.poolhit.pool.live.LiveSim;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long trace streams to its file as it goes: the file read while the trace still runs holds a
 * prefix of the hits, and a recorder that is never closed (the kernel died) leaves a file holding
 * every hit recorded up to its last flush. The recorder's clock moves half a second per reading,
 * so the flush-every-second rule applies every other hit without the test waiting for time.
 */
class StreamingTraceTest {
    private static final PoolTag LEA2 = PoolTag.parse("Lea2");
    @TempDir
    Path dir;

    @Test
    void fiveThousandHitsStreamAndSurviveAnAbruptStop() throws Exception {
        streamAndKill(5_000);
    }

    @Test
    @Tag("bench")
    void aHundredThousandHitsStreamAndSurviveAnAbruptStop() throws Exception {
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        streamAndKill(100_000);
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("streaming 100000 hits: heap in use %d MB before, %d MB after%n", before >> 20, after >> 20);
    }

    private void streamAndKill(int hits) throws Exception {
        Path file = dir.resolve("live.poolhit");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LiveSim live = new LiveSim(FaultSim.config(), dir)) {
            PoolHitTagSession session = PoolHitTagSession.locate(live.target);
            session.arm(LEA2);
            TraceRecorder recorder = TraceRecorder.streaming(file,
                    new TraceInfo("live sim", Missing.TEXT, LEA2, Missing.LONG), new SteppingClock());
            Future<TraceResult> running = executor.submit(() -> session.trace(TraceRequest.of(hits)).run(recorder));
            long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (recorder.file().orElseThrow().hitsWritten() < hits / 2 && System.nanoTime() < limit) {
                Thread.onSpinWait(); // watching progress, not waiting for time
            }
            LoadedTrace midway = TraceFile.load(file);
            assertFalse(midway.complete(), "still being written");
            int seen = midway.trace().size();
            assertTrue(seen >= hits / 2 && seen < hits, "read " + seen + " hits while tracing " + hits);
            TraceResult result = running.get(300, TimeUnit.SECONDS);
            assertEquals(TraceEnd.COMPLETED, result.end(), result.message());
            assertTrue(session.restorer().restore().restored());
            // no recorder.close(): as if the kernel died right after the last hit
            LoadedTrace abrupt = TraceFile.load(file);
            assertFalse(abrupt.complete());
            assertEquals(hits, abrupt.trace().size(), "every hit was flushed within the second: " + abrupt.notes());
            TraceSnapshot kept = abrupt.trace().snapshot();
            TraceSnapshot live2 = recorder.trace().snapshot();
            for (int i = 0; i < hits; i += Math.max(1, hits / 500)) {
                assertEquals(live2.thread(i), kept.thread(i), "hit " + i);
                assertEquals(live2.address(i), kept.address(i), "hit " + i);
                assertEquals(live2.stackDepth(live2.stackId(i)), kept.stackDepth(kept.stackId(i)), "hit " + i);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Half a second later at every reading. */
    private static final class SteppingClock extends Clock {
        private long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        @Override
        public synchronized long millis() {
            millis += 500;
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
