package dev.poolhit.kd.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Accepts one TCP connection at a time: for targets that connect to the debugger (Xen kdd, a VM
 * serial port in client mode) and for the simulator serving {@code tcp:} clients.
 */
public final class TcpListener implements Closeable {
    private final ServerSocket server;

    private TcpListener(ServerSocket server) {
        this.server = server;
    }

    /** Listens on {@code bindAddress:port}; port 0 picks a free port (see {@link #port()}). */
    public static TcpListener bind(InetAddress bindAddress, int port) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, port), 1);
            return new TcpListener(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Listens on the loopback interface. */
    public static TcpListener bindLoopback(int port) throws IOException {
        return bind(InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Waits up to {@code timeout} (real time: this is a socket accept) for the next peer.
     *
     * @throws SocketTimeoutException when nobody connected in time
     */
    public TcpTransport accept(Duration timeout) throws IOException {
        server.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        Socket s = server.accept();
        return TcpTransport.wrap(s);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
