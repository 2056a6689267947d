package dev.poolhit.kd.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A bidirectional byte stream under KDCOM framing: TCP socket, named pipe, serial device or an
 * in-process pipe. One reader thread and any number of writers (writes are serialised by the
 * caller, see {@link dev.poolhit.kd.transport.kdcom.KdcomLink}); {@link #close()} may be called from any thread and makes a
 * blocked {@link #read} return -1 or throw.
 */
public interface ByteTransport extends Closeable {
    /** Blocks until at least one byte is available; returns the count, or -1 at end of stream. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Writes all bytes (and flushes). */
    void write(byte[] bytes, int offset, int length) throws IOException;

    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** For logs and error messages, e.g. {@code tcp:127.0.0.1:50000}. */
    String description();
}
