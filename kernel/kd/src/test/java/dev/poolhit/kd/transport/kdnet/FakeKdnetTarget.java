package dev.poolhit.kd.transport.kdnet;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A scripted KDNET target on a real loopback UDP socket, built on {@link KdnetTargetCodec}. */
final class FakeKdnetTarget implements AutoCloseable {
    final DatagramSocket socket;
    final KdnetTargetCodec codec;
    private final InetSocketAddress host;

    FakeKdnetTarget(String key, int hostPort, int bootTail) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
        byte[] random = new byte[32];
        Arrays.fill(random, 4, 32, (byte) bootTail);
        codec = new KdnetTargetCodec(KdnetKey.parse(key), random);
        host = new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort);
    }

    void send(byte[] udp) throws IOException {
        socket.send(new DatagramPacket(udp, udp.length, host));
    }

    byte[] receiveRaw() throws IOException {
        byte[] buffer = new byte[65536];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        socket.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    KdnetStep receive() throws IOException {
        return codec.receive(receiveRaw());
    }

    /** Pokes and waits for the response; the data key is then in force. */
    void handshake() throws IOException {
        send(codec.poke());
        KdnetStep step = receive();
        if (!(step instanceof KdnetStep.Reply)) {
            throw new IOException("expected the handshake response, got " + step);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
