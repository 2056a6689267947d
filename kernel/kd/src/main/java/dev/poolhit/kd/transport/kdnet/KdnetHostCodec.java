package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.transport.FramingError;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.function.Supplier;

/**
 * The host side of KDNET without sockets (kd-protocol.md 8, 10.2): answers pokes, derives the
 * data key, authenticates before decoding, drops replays and seals outgoing bodies. The reader
 * thread calls {@link #receive}; {@link #seal} may be called from any thread.
 *
 * <p>Pokes: the first one (or one from a new target incarnation, see
 * {@link KdnetHandshake#sameTarget}) starts a handshake with a fresh host random. A poke from the
 * current incarnation is answered again with the same response only while no data datagram has
 * arrived (our response was lost); afterwards it is a keep-alive and ignored, as WinDbg does.
 */
public final class KdnetHostCodec {
    /** Largest datagram accepted: a full KD packet (16 + 4000 bytes) plus KDNET overhead, rounded up. */
    public static final int MAX_DATAGRAM = 4096 + 64;
    static final int MIN_DATAGRAM = KdnetDatagram.OUTER_BYTES + 16 + KdnetDatagram.TAG_BYTES;
    private static final int UNUSED_BODY_BYTES = 12;

    private final KdnetKey key;
    private final byte[] hmacKey;
    private final Supplier<byte[]> hostRandom;
    private final KdnetCounters counters;
    private boolean verifiedAny;
    private byte[] clientRandom;
    private byte[] responseBody;
    private volatile Session session;
    private long lastPeerSequence = -1;
    private boolean dataSeen;
    private long sendSequence;

    /** The keys and version in force for sending. */
    private record Session(int version, byte[] dataKey) {}

    KdnetHostCodec(KdnetKey key, Supplier<byte[]> hostRandom, KdnetCounters counters) {
        this.key = key;
        this.hmacKey = key.hmacKey();
        this.hostRandom = hostRandom;
        this.counters = counters;
    }

    /** For tests and tools: a codec with its own counters. */
    public static KdnetHostCodec create(KdnetKey key, Supplier<byte[]> hostRandom) {
        return new KdnetHostCodec(key, hostRandom, new KdnetCounters());
    }

    public KdnetStats stats() {
        return counters.snapshot();
    }

    public boolean handshaken() {
        return session != null;
    }

    /** The current data key (tests compare it with kd-protocol.md 8.8); null before the handshake. */
    public byte[] dataKey() {
        Session s = session;
        return s == null ? null : s.dataKey().clone();
    }

    /** Classifies, authenticates and decodes one UDP payload from {@code source} (for messages). */
    public KdnetStep receive(byte[] udp, String source) {
        counters.received();
        KdnetStep step = classify(udp, source);
        if (step instanceof KdnetStep.Drop d) {
            counters.dropped(d.reason());
        }
        return step;
    }

    private KdnetStep classify(byte[] udp, String source) {
        if (udp.length > MAX_DATAGRAM) {
            return new KdnetStep.Drop(KdnetDrop.OVERSIZED, udp.length + " bytes, limit " + MAX_DATAGRAM);
        }
        if (udp.length < MIN_DATAGRAM || (udp.length - MIN_DATAGRAM) % 16 != 0) {
            return new KdnetStep.Drop(KdnetDrop.TRUNCATED, "expected 6 + 16n + 16 bytes, got " + udp.length);
        }
        int channel;
        try {
            channel = KdnetDatagram.channelOf(udp);
        } catch (KdProtocolException e) {
            return new KdnetStep.Drop(KdnetDrop.MALFORMED, e.getMessage());
        }
        if (channel == KdnetDatagram.CHANNEL_CONTROL) {
            return authenticate(udp, key.controlKey(), source, this::onControl);
        }
        if (channel != KdnetDatagram.CHANNEL_DATA) {
            return new KdnetStep.Drop(KdnetDrop.UNKNOWN_CHANNEL, "channel " + channel);
        }
        Session s = session;
        if (s == null) {
            return new KdnetStep.Drop(KdnetDrop.BEFORE_HANDSHAKE, "data datagram before any poke");
        }
        return authenticate(udp, s.dataKey(), source, this::onData);
    }

    private interface Handler {
        KdnetStep handle(KdnetDatagram d);
    }

    private KdnetStep authenticate(byte[] udp, byte[] aesKey, String source, Handler handler) {
        KdnetDatagram d;
        try {
            d = KdnetDatagram.decrypt(udp, aesKey, hmacKey);
        } catch (KdProtocolException e) {
            if (!verifiedAny) {
                return new KdnetStep.Fatal("KDNET: HMAC mismatch on the first datagram from " + source + ": wrong key?");
            }
            return new KdnetStep.Drop(KdnetDrop.BAD_HMAC, e.getMessage() + " from " + source);
        }
        verifiedAny = true;
        if (d.header().hostToTarget()) {
            return new KdnetStep.Drop(KdnetDrop.MALFORMED, "direction bit says host to target (a reflected datagram?)");
        }
        return handler.handle(d);
    }

    private KdnetStep onControl(KdnetDatagram poke) {
        byte[] random;
        try {
            random = KdnetHandshake.clientRandom(poke.body());
        } catch (KdProtocolException e) {
            return new KdnetStep.Drop(KdnetDrop.MALFORMED, e.getMessage());
        }
        boolean newSession = clientRandom == null || !KdnetHandshake.sameTarget(clientRandom, random);
        if (!newSession && dataSeen) {
            return new KdnetStep.Ignore("keep-alive poke");
        }
        if (newSession) {
            clientRandom = random;
            responseBody = KdnetHandshake.responseBody(random, hostRandom.get());
            session = new Session(poke.version(), key.dataKey(responseBody));
            lastPeerSequence = -1;
            dataSeen = false;
            counters.handshake();
        }
        KdnetHeader header = KdnetHeader.forBody(poke.header().sequence(), true, responseBody.length);
        byte[] reply = new KdnetDatagram(poke.version(), KdnetDatagram.CHANNEL_CONTROL, header, responseBody)
                .encrypt(key.controlKey(), hmacKey);
        return new KdnetStep.Reply(reply, newSession);
    }

    private KdnetStep onData(KdnetDatagram d) {
        long sequence = d.header().sequence();
        if (sequence <= lastPeerSequence) {
            return new KdnetStep.Drop(KdnetDrop.REPLAYED, "sequence " + sequence + ", last accepted " + lastPeerSequence);
        }
        lastPeerSequence = sequence;
        dataSeen = true;
        byte[] body = d.body();
        if (body.length == 1 && body[0] == KdPacket.BREAKIN_BYTE) {
            return new KdnetStep.Deliver(new LinkEvent.BreakIn());
        }
        if (body.length == UNUSED_BODY_BYTES && isZero(body, 8)) {
            return new KdnetStep.Ignore("first data datagram (8 zero bytes + host address)");
        }
        try {
            return new KdnetStep.Deliver(new LinkEvent.Packet(KdPacket.decode(body)));
        } catch (KdProtocolException e) {
            return new KdnetStep.Deliver(new LinkEvent.Garbage(new FramingError(FramingError.Reason.MALFORMED,
                    e.getMessage())));
        }
    }

    private static boolean isZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The UDP payload carrying {@code body} on the data channel; null before the handshake. */
    public synchronized byte[] seal(byte[] body) {
        Session s = session;
        if (s == null) {
            return null;
        }
        KdnetHeader header = KdnetHeader.forBody(++sendSequence, true, body.length);
        return new KdnetDatagram(s.version(), KdnetDatagram.CHANNEL_DATA, header, body).encrypt(s.dataKey(), hmacKey);
    }
}
