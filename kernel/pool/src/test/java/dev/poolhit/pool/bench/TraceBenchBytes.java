package dev.poolhit.pool.bench;

import dev.poolhit.kd.transport.ByteTransport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes that cross a KDCOM byte stream in each direction (framing, ACKs and break-ins included). */
final class TraceBenchBytes implements ByteTransport {
    private final ByteTransport inner;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    TraceBenchBytes(ByteTransport inner) {
        this.inner = inner;
    }

    long total() {
        return sent.get() + received.get();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = inner.read(buffer, offset, length);
        if (n > 0) {
            received.addAndGet(n);
        }
        return n;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        inner.write(bytes, offset, length);
        sent.addAndGet(length);
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
