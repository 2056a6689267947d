package dev.poolhit.sim.kd.net;

import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import dev.poolhit.kd.transport.kdcom.KdcomFramer;
import dev.poolhit.kd.transport.kdnet.KdnetStats;
import dev.poolhit.kd.transport.kdnet.KdnetStep;
import dev.poolhit.kd.transport.kdnet.KdnetTargetCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The target end of KDNET presented as the KDCOM byte stream the simulator's engine already
 * speaks (the engine takes a {@code ByteTransport} through {@code SimulatedTarget.serve}): each
 * KDCOM packet the engine writes is re-framed into one data datagram (no 0xAA trailer), and each
 * datagram from the host becomes KDCOM bytes again (a 'b' body becomes the 0x62 break-in byte).
 *
 * <p>Threads: a poker thread sends a poke every interval on the injected clock until closed (a
 * live Windows target keeps poking too); the engine's link reader calls {@link #read}; the engine
 * calls {@link #write}. Datagram faults apply to both directions at this end.
 */
final class KdnetTargetTransport implements ByteTransport {
    private static final System.Logger LOG = System.getLogger(KdnetTargetTransport.class.getName());

    private final DatagramSocket socket;
    private final KdnetSimOptions options;
    private final KdnetTargetCodec codec;
    private final FaultDice sendDice;
    private final FaultDice receiveDice;
    private final Poker poker;
    private final KdcomFramer framer = new KdcomFramer();
    private final List<LinkEvent> framed = new ArrayList<>();
    private byte[] backlog = new byte[0];
    private int backlogPos;

    KdnetTargetTransport(DatagramSocket socket, KdnetSimOptions options, KdnetTargetCodec codec, KdClock clock) {
        this.socket = socket;
        this.options = options;
        this.codec = codec;
        this.sendDice = new FaultDice(options.faults(), 1);
        this.receiveDice = new FaultDice(options.faults(), 2);
        this.poker = new Poker(clock, options.pokeInterval().toNanos(), this::poke);
    }

    void start() {
        poker.start("kdnet-sim-poker " + socket.getLocalPort());
    }

    KdnetStats stats() {
        return codec.stats();
    }

    long lost() {
        return sendDice.lost() + receiveDice.lost();
    }

    private void poke() throws IOException {
        transmit(codec.poke());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        byte[] datagram = new byte[65536];
        while (backlogPos >= backlog.length) {
            DatagramPacket p = new DatagramPacket(datagram, datagram.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return -1;
                }
                throw e;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] udp : receiveDice.pass(Arrays.copyOf(p.getData(), p.getLength()))) {
                bytes.writeBytes(onDatagram(udp));
            }
            backlog = bytes.toByteArray();
            backlogPos = 0;
        }
        int n = Math.min(length, backlog.length - backlogPos);
        System.arraycopy(backlog, backlogPos, buffer, offset, n);
        backlogPos += n;
        return n;
    }

    /** The KDCOM bytes a host datagram stands for (none for handshakes and drops). */
    private byte[] onDatagram(byte[] udp) throws IOException {
        KdnetStep step = codec.receive(udp);
        if (step instanceof KdnetStep.Reply r && r.newSession()) {
            LOG.log(System.Logger.Level.DEBUG, "KDNET handshake done with " + options.host());
            transmit(codec.firstDatagram());
        } else if (step instanceof KdnetStep.Deliver d && d.event() instanceof LinkEvent.Packet p) {
            return KdcomEncoder.encode(p.packet());
        } else if (step instanceof KdnetStep.Deliver d && d.event() instanceof LinkEvent.BreakIn) {
            return KdcomEncoder.breakIn();
        } else if (step instanceof KdnetStep.Drop d) {
            LOG.log(System.Logger.Level.DEBUG, "KDNET datagram dropped, " + d.reason() + ": " + d.detail());
        }
        return new byte[0];
    }

    /** Whole KDCOM packets from the engine's link, one datagram each; nothing goes out before the handshake. */
    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        framed.clear();
        framer.feed(bytes, offset, length, framed::add);
        for (LinkEvent e : framed) {
            if (e instanceof LinkEvent.Packet p) {
                byte[] udp = codec.seal(p.packet().encode());
                if (udp != null) {
                    transmit(udp);
                }
            } else if (e instanceof LinkEvent.BreakIn) {
                LOG.log(System.Logger.Level.DEBUG, "target-side break-in byte ignored");
            }
        }
    }

    private void transmit(byte[] udp) throws IOException {
        for (byte[] d : sendDice.pass(udp)) {
            socket.send(new DatagramPacket(d, d.length, options.host()));
        }
    }

    @Override
    public String description() {
        return "kdnet target udp " + socket.getLocalSocketAddress() + " -> " + options.host();
    }

    @Override
    public void close() {
        poker.stop();
        socket.close();
    }

    /** The bound address (a real target sends from the port it sends to; on loopback that port is the host's). */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }
}
