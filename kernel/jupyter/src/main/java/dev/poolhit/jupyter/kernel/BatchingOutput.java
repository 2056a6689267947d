package dev.poolhit.jupyter.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects a cell's stdout (or stderr) bytes and forwards them in batches, so that a loop of
 * 10,000 println calls becomes a handful of Jupyter stream messages instead of 10,000 (which
 * basekernel sends one per call and the IOPub socket then drops). Batches go out when the
 * buffer reaches {@link #BATCH_BYTES}, when the kernel's timer calls {@link #drain()}, and at
 * the end of every cell. Output is capped per cell at {@link #CELL_LIMIT_BYTES}.
 *
 * <p>Explicit {@code flush()} calls are deliberately ignored (JShell flushes after every
 * snippet); {@link #drain()} is the real flush.
 */
final class BatchingOutput extends OutputStream {
    static final int BATCH_BYTES = 32 * 1024;
    static final long CELL_LIMIT_BYTES = 8L << 20;
    private static final byte[] TRUNCATED = "\n… output truncated (more than 8 MB in one cell)\n"
            .getBytes(StandardCharsets.UTF_8);

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream fallback;
    private PrintStream target;
    private long cellBytes;
    private boolean truncated;

    /** {@code fallback} receives output written while no cell runs (the process's own stream). */
    BatchingOutput(PrintStream fallback) {
        this.fallback = fallback;
    }

    /** Routes output to {@code cellStream} until {@link #detach()}. */
    synchronized void attach(PrintStream cellStream) {
        drain();
        target = cellStream;
        cellBytes = 0;
        truncated = false;
    }

    synchronized void detach() {
        drain();
        target = null;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        if (target == null) {
            fallback.write(bytes, off, len);
            return;
        }
        int kept = (int) Math.min(len, CELL_LIMIT_BYTES - cellBytes);
        buffer.write(bytes, off, kept);
        cellBytes += kept;
        if (kept < len && !truncated) {
            truncated = true;
            buffer.write(TRUNCATED, 0, TRUNCATED.length);
        }
        if (buffer.size() >= BATCH_BYTES) {
            drain();
        }
    }

    @Override
    public void flush() {
        // see class comment: batching is the point
    }

    /** Sends what is buffered, up to the last complete UTF-8 character. */
    synchronized void drain() {
        if (buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int end = Utf8.completePrefix(bytes);
        buffer.reset();
        buffer.write(bytes, end, bytes.length - end);
        PrintStream out = target == null ? fallback : target;
        out.write(bytes, 0, end);
        out.flush();
    }
}
