package dev.poolhit.kd.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A Windows named pipe ({@code \\.\pipe\NAME}), as VMware, Hyper-V and VirtualBox expose a guest
 * serial port on a Windows host. Opened overlapped (through {@link AsynchronousFileChannel})
 * because a synchronous pipe handle lets a pending read block every write. Windows only.
 */
public final class NamedPipeTransport implements ByteTransport {
    private final AsynchronousFileChannel channel;
    private final String description;

    private NamedPipeTransport(AsynchronousFileChannel channel, String description) {
        this.channel = channel;
        this.description = description;
    }

    public static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Opens {@code name}: either a bare name ({@code com_1}) or a full {@code \\.\pipe\com_1} path. */
    public static NamedPipeTransport open(String name) throws IOException {
        if (!supported()) {
            throw new IOException("named pipes need Windows; this is " + System.getProperty("os.name"));
        }
        String path = name.startsWith("\\\\") ? name : "\\\\.\\pipe\\" + name;
        AsynchronousFileChannel ch = AsynchronousFileChannel.open(Path.of(path), StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new NamedPipeTransport(ch, "pipe:" + path);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return await(channel.read(ByteBuffer.wrap(buffer, offset, length), 0));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        while (b.hasRemaining()) {
            await(channel.write(b, 0));
        }
    }

    private static int await(Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted on named pipe");
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
