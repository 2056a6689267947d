package dev.poolhit.kd.transport;

import java.io.IOException;

/** One direction of an in-process byte stream: a bounded ring buffer with blocking read/write. */
final class BytePipe {
    private final byte[] ring;
    private int head;
    private int size;
    private boolean closed;

    BytePipe(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (size == 0 && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted in pipe read");
        }
        if (size == 0) {
            return -1;
        }
        int n = Math.min(length, size);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        notifyAll();
        return n;
    }

    synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        try {
            while (done < length) {
                while (size == ring.length && !closed) {
                    wait();
                }
                if (closed) {
                    throw new IOException("pipe closed");
                }
                int n = Math.min(length - done, ring.length - size);
                for (int i = 0; i < n; i++) {
                    ring[(head + size + i) % ring.length] = bytes[offset + done + i];
                }
                size += n;
                done += n;
                notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted in pipe write");
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
