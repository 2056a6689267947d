package dev.poolhit.kd.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A {@link ByteTransport} over a pair of blocking streams (sockets, device files, pipes). */
class StreamTransport implements ByteTransport {
    private final InputStream in;
    private final OutputStream out;
    private final Closeable resource;
    private final String description;

    StreamTransport(InputStream in, OutputStream out, Closeable resource, String description) {
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.description = description;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        out.flush();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
