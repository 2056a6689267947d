package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.LinkEventQueue;
import dev.poolhit.kd.transport.PacketLink;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The host side of KDNET (KD over UDP) as a {@link PacketLink} (kd-protocol.md 8, 10.2): binds the
 * port, waits for the target's poke, answers with a fresh host random, then carries one KD packet
 * (header + payload, no trailer) per authenticated, encrypted datagram. ACK/RESEND/timeouts stay
 * the session's business; this link drops what fails authentication, replays and junk, counting
 * each ({@link #stats()}).
 *
 * <p>Packets sent before the handshake (the attach's break-in and RESET) wait in a small queue
 * and go out right after the response. Threads: a daemon reader thread ({@code kdnet-reader})
 * owns the codec's receive side; {@link #send}/{@link #sendBreakIn} from any thread.
 */
public final class KdnetLink implements PacketLink {
    private static final System.Logger LOG = System.getLogger(KdnetLink.class.getName());
    /** Bodies kept while no handshake has happened; older ones are dropped (they would be stale). */
    static final int MAX_PENDING = 32;

    private final DatagramSocket socket;
    private final KdnetSpec spec;
    private final KdClock clock;
    private final KdnetCounters counters = new KdnetCounters();
    private final KdnetHostCodec codec;
    private final LinkEventQueue queue;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile SocketAddress peer;
    /** Id of the last data packet received, so its ACK can echo it exactly (see {@link #send}). */
    private volatile int lastDataId = -1;
    private volatile boolean open = true;

    private KdnetLink(DatagramSocket socket, KdnetSpec spec, KdClock clock, Supplier<byte[]> hostRandom) {
        this.socket = socket;
        this.spec = spec;
        this.clock = clock;
        this.codec = new KdnetHostCodec(spec.key(), hostRandom, counters);
        this.queue = new LinkEventQueue(clock, LinkEventQueue.DEFAULT_CAPACITY);
        this.reader = new Thread(this::readLoop, "kdnet-reader " + socket.getLocalPort());
        this.reader.setDaemon(true);
    }

    /** Binds as {@code spec} says and starts waiting for the target's poke. */
    public static KdnetLink open(KdnetSpec spec, KdClock clock) throws IOException {
        SecureRandom random = new SecureRandom();
        return open(spec, clock, () -> {
            byte[] b = new byte[KdnetHandshake.RANDOM_BYTES];
            random.nextBytes(b);
            return b;
        });
    }

    static KdnetLink open(KdnetSpec spec, KdClock clock, Supplier<byte[]> hostRandom) throws IOException {
        InetAddress bind = spec.host().isPresent() ? InetAddress.getByName(spec.host().get()) : null;
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, spec.port()));
        KdnetLink link = new KdnetLink(socket, spec, clock, hostRandom);
        link.reader.start();
        return link;
    }

    /** The bound UDP port (useful with {@code port=0}). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Counters for {@code %status}. */
    public KdnetStats stats() {
        return counters.snapshot();
    }

    public boolean handshaken() {
        return codec.handshaken();
    }

    private void readLoop() {
        byte[] buffer = new byte[65536];
        String why = "closed";
        try {
            while (open) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                onDatagram(Arrays.copyOf(packet.getData(), packet.getLength()), packet.getSocketAddress());
            }
        } catch (IOException e) {
            why = open ? "receive failed: " + e.getMessage() : "closed";
        } catch (InterruptedException e) {
            why = "reader interrupted";
        }
        queue.close(new LinkClosedException("KDNET link " + why + ": " + description()));
    }

    private void onDatagram(byte[] udp, SocketAddress from) throws IOException, InterruptedException {
        String source = from instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : from.toString();
        if (spec.target().isPresent() && !sameHost(spec.target().get(), from)) {
            counters.received();
            counters.dropped(KdnetDrop.FOREIGN_SOURCE);
            return;
        }
        KdnetStep step = codec.receive(udp, source);
        if (step instanceof KdnetStep.Reply r) {
            if (r.newSession()) {
                LOG.log(System.Logger.Level.INFO, "KDNET handshake with " + from + (peer == null ? "" : " (target restarted)"));
            }
            answer(from, r.udp());
        } else if (step instanceof KdnetStep.Deliver d) {
            if (d.event() instanceof LinkEvent.Packet p && !p.packet().isControl()) {
                lastDataId = p.packet().id();
            }
            queue.put(d.event());
        } else if (step instanceof KdnetStep.Fatal f) {
            queue.close(new LinkClosedException(f.message()));
            open = false;
            socket.close();
        } else if (step instanceof KdnetStep.Drop d) {
            LOG.log(System.Logger.Level.DEBUG, "KDNET datagram dropped, " + d.reason() + ": " + d.detail());
        }
    }

    private static boolean sameHost(String expected, SocketAddress from) {
        try {
            return from instanceof InetSocketAddress a && a.getAddress().equals(InetAddress.getByName(expected));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends one packet per datagram. An ACK echoes the acknowledged id exactly: KDNET targets number
     * 0, 2, 4 ... (kd-protocol.md 8.7), so ids with bit 0x800 set occur, and the session's
     * KDCOM-style ACK (0x800 masked) would not match them.
     */
    @Override
    public void send(KdPacket packet) throws KdException {
        int last = lastDataId;
        if (packet.is(PacketType.ACKNOWLEDGE) && last != packet.id()
                && (last & ~KdPacket.SYNC_PACKET_ID) == packet.id()) {
            packet = KdPacket.control(PacketType.ACKNOWLEDGE, last);
        }
        sendBody(packet.encode());
    }

    /** KDNET break-in: a data datagram whose body is the single byte 'b' (kd-protocol.md 8.7). */
    @Override
    public void sendBreakIn() throws KdException {
        sendBody(new byte[] {(byte) KdPacket.BREAKIN_BYTE});
    }

    private void sendBody(byte[] body) throws KdException {
        synchronized (writeLock) {
            if (!open) {
                throw new LinkClosedException("link closed: " + description());
            }
            byte[] udp = peer == null ? null : codec.seal(body);
            if (udp == null) {
                if (pending.size() >= MAX_PENDING) {
                    pending.removeFirst();
                }
                pending.addLast(body);
                return;
            }
            try {
                transmit(udp);
            } catch (IOException e) {
                throw new LinkClosedException("KDNET send failed on " + description() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Sends the handshake response, then what waited for it; under the write lock so nothing overtakes it. */
    private void answer(SocketAddress from, byte[] response) throws IOException {
        synchronized (writeLock) {
            peer = from;
            transmit(response);
            while (!pending.isEmpty()) {
                transmit(codec.seal(pending.removeFirst()));
            }
        }
    }

    /** The target's address once a poke arrived (for {@code %status}). */
    public java.util.Optional<String> peer() {
        SocketAddress p = peer;
        return java.util.Optional.ofNullable(p).map(Object::toString);
    }

    private void transmit(byte[] udp) throws IOException {
        socket.send(new DatagramPacket(udp, udp.length, peer));
        counters.sent();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        return queue.take(deadlineNanos);
    }

    @Override
    public KdClock clock() {
        return clock;
    }

    /** E.g. {@code kdnet udp 0.0.0.0:50000 key=***}; never the key. */
    @Override
    public String description() {
        return "kdnet udp " + spec.host().orElse("0.0.0.0") + ":" + socket.getLocalPort() + " key=***";
    }

    @Override
    public boolean isOpen() {
        return open && !queue.isClosed();
    }

    @Override
    public void close() {
        open = false;
        socket.close();
        queue.close(new LinkClosedException("link closed: " + description()));
    }
}
