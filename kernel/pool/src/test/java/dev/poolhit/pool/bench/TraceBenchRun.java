package dev.poolhit.pool.bench;

import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.kd.Stop;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One Lea2 trace on a {@link TraceBenchRig}, with the counters snapshotted when half the hits are
 * recorded: the second half is the steady state (symbols, module list and unwind data warm).
 */
final class TraceBenchRun {
    static final PoolTag LEA2 = PoolTag.parse("Lea2");

    /** Counters at one moment of the trace. */
    private record Mark(int hits, long nanos, long requests, long bytes, int reads, long thread) {
    }

    /** Steady-state figures (second half) of one trace. */
    record Figures(String label, TraceResult result, int hits, double seconds, long requests, long bytes,
                   List<TraceBenchTally.Read> reads, long midThread) {
        String line() {
            return String.format(Locale.ROOT, "%-34s %5d hits  %8.2f hits/s  %6.2f requests/hit  %8.1f bytes/hit"
                    + "  %6.2f reads/hit", label, hits, hits / seconds, (double) requests / hits, (double) bytes / hits,
                    (double) reads.size() / hits);
        }
    }

    private TraceBenchRun() {
    }

    static Figures run(TraceBenchRig rig, TraceRequest request, String label) {
        PoolHitTagSession session = PoolHitTagSession.locate(rig.target);
        session.arm(LEA2);
        Mark[] half = new Mark[1];
        TraceResult result = session.trace(request).progress((hits, wanted) -> {
            if (half[0] == null && hits >= wanted / 2) {
                half[0] = mark(rig, hits);
            }
        }).run(recorder());
        Mark end = mark(rig, result.hits());
        if (result.end() != TraceEnd.COMPLETED || half[0] == null) {
            throw new IllegalStateException(label + ": trace ended " + result.end() + ": " + result.message());
        }
        session.restorer().restore();
        Mark mid = half[0];
        return new Figures(label, result, end.hits() - mid.hits(), (end.nanos() - mid.nanos()) / 1e9,
                end.requests() - mid.requests(), end.bytes() - mid.bytes(), rig.tally.readsFrom(mid.reads()), mid.thread());
    }

    private static Mark mark(TraceBenchRig rig, int hits) {
        return new Mark(hits, System.nanoTime(), rig.tally.requests(), rig.bytes.total(), rig.tally.readCount(),
                rig.target.lastStop().map(Stop::thread).orElse(0L));
    }

    private static TraceRecorder recorder() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return TraceRecorder.inMemory(new TraceInfo("trace bench", Missing.TEXT, LEA2, Missing.LONG), fixed);
    }
}
