package dev.poolhit.pool.record;

import dev.poolhit.pool.file.TraceFileWriter;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The sink the live {@code %trace} loop feeds: one {@link #record} per hit, into an in-memory
 * {@link Trace} and, when streaming, into a trace file that is flushed at least every
 * {@link #FLUSH_INTERVAL}, so that a crash of the kernel loses at most the last second.
 *
 * <p>The loop calls {@link #tick()} while it waits for the next break (it polls with a deadline
 * anyway), so hits are flushed on time even when no further hit arrives. Time comes from the
 * injected clock only.
 *
 * <p>Threads: one producer calls {@link #record}, {@link #moduleLoaded}, {@link #tick} and
 * {@link #close}; any other thread may read {@link #trace()} (take a snapshot) at any time.
 */
public final class TraceRecorder implements AutoCloseable {
    /** The longest a recorded hit stays only in memory. */
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    private final Trace trace;
    private final TraceFileWriter file;
    private final Clock clock;
    private long lastFlushMillis;
    private boolean dirty;
    private boolean closed;

    private TraceRecorder(Trace trace, TraceFileWriter file, Clock clock) {
        this.trace = trace;
        this.file = file;
        this.clock = clock;
        this.lastFlushMillis = clock.millis();
    }

    /** Records in memory only. */
    public static TraceRecorder inMemory(TraceInfo info, Clock clock) {
        return new TraceRecorder(new Trace(info), null, clock);
    }

    /** Records in memory and streams to a new trace file at {@code path}. */
    public static TraceRecorder streaming(Path path, TraceInfo info, Clock clock) {
        return new TraceRecorder(new Trace(info), TraceFileWriter.create(path, info, clock), clock);
    }

    /** Appends a hit; returns its number. */
    public int record(Hit hit) {
        int n = trace.append(hit);
        dirty = true;
        tick();
        return n;
    }

    /** A module the target reported while recording (load-symbols state change). */
    public void moduleLoaded(ModuleInfo module) {
        trace.addModule(module);
        dirty = true;
        tick();
    }

    /** Flushes to the file if something is pending and the last flush is a second old. */
    public void tick() {
        if (file != null && dirty && clock.millis() - lastFlushMillis >= FLUSH_INTERVAL.toMillis()) {
            flush();
        }
    }

    /** Writes everything recorded so far to the file now. */
    public void flush() {
        if (file != null) {
            file.write(trace.snapshot());
            lastFlushMillis = clock.millis();
            dirty = false;
        }
    }

    /** The recording, readable while recording goes on. */
    public Trace trace() {
        return trace;
    }

    /** The trace file being written, if streaming. */
    public Optional<TraceFileWriter> file() {
        return Optional.ofNullable(file);
    }

    /** Finishes the file (symbols, end marker, zip directory); the trace stays readable. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            try {
                file.finish(trace.snapshot());
            } finally {
                file.close();
            }
        }
    }
}
