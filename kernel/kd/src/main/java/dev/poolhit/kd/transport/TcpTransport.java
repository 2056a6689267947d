package dev.poolhit.kd.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * KDCOM bytes over a TCP socket: a QEMU/VirtualBox/VMware virtual serial port exposed as a TCP
 * server ({@link #connect}), or a target stub that connects to us ({@link TcpListener}).
 */
public final class TcpTransport extends StreamTransport {
    private final Socket socket;

    private TcpTransport(Socket socket, String description) throws IOException {
        super(socket.getInputStream(), socket.getOutputStream(), socket, description);
        this.socket = socket;
    }

    /** Connects to {@code host:port} (the VM's serial-port server). */
    public static TcpTransport connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            return wrap(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    static TcpTransport wrap(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new TcpTransport(s, "tcp:" + s.getInetAddress().getHostAddress() + ":" + s.getPort());
    }

    public int localPort() {
        return socket.getLocalPort();
    }
}
