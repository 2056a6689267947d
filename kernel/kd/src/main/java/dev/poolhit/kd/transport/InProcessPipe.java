package dev.poolhit.kd.transport;

import java.io.IOException;

/**
 * Two connected in-memory {@link ByteTransport} ends, like a null-modem cable, for tests and the
 * built-in simulator (the okio {@code Pipe} idea). Bytes written on one end are read on the other;
 * closing either end ends both directions (the peer reads end of stream after draining).
 */
public final class InProcessPipe implements ByteTransport {
    /** Default buffer per direction: several maximum-size packets. */
    public static final int DEFAULT_CAPACITY = 64 * 1024;

    /** The two ends; by convention {@code host} for the debugger and {@code target} for the debuggee. */
    public record Pair(InProcessPipe host, InProcessPipe target) {}

    private final BytePipe in;
    private final BytePipe out;
    private final String description;

    private InProcessPipe(BytePipe in, BytePipe out, String description) {
        this.in = in;
        this.out = out;
        this.description = description;
    }

    public static Pair pair() {
        return pair("in-process", DEFAULT_CAPACITY);
    }

    public static Pair pair(String name, int capacity) {
        BytePipe toTarget = new BytePipe(capacity);
        BytePipe toHost = new BytePipe(capacity);
        return new Pair(new InProcessPipe(toHost, toTarget, name + " (host end)"),
                new InProcessPipe(toTarget, toHost, name + " (target end)"));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }
}
