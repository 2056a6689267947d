package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.transport.FramingError;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.Arrays;

/**
 * The target side of KDNET without sockets, for simulators and tests: pokes (with the counter a
 * live Windows target advances, see {@link KdnetHandshake#POKE_COUNTER_BYTES}), accepts the
 * host's response, then seals and opens data datagrams with the direction bit clear. Mirrors
 * {@link KdnetHostCodec}'s checks: authentication before decoding, replayed sequence numbers
 * dropped. Single receiving thread; {@link #seal} and {@link #poke} are synchronized.
 */
public final class KdnetTargetCodec {
    /** KDNET version the simulated target speaks (Windows 10 1511, the LEK capture). */
    public static final int VERSION = 4;
    /** The host address in the 12-byte first data datagram is not used by anyone; we send 127.0.0.1. */
    private static final byte[] FIRST_BODY = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 127};

    private final KdnetKey key;
    private final byte[] hmacKey;
    private final byte[] clientRandom;
    private final KdnetCounters counters = new KdnetCounters();
    private volatile byte[] dataKey;
    private long sequence;
    private long lastHostSequence = -1;

    /** @param clientRandom 32 bytes; the first four are the poke counter, the rest identify this boot */
    public KdnetTargetCodec(KdnetKey key, byte[] clientRandom) {
        if (clientRandom.length != KdnetHandshake.RANDOM_BYTES) {
            throw new IllegalArgumentException("client random must be 32 bytes");
        }
        this.key = key;
        this.hmacKey = key.hmacKey();
        this.clientRandom = clientRandom.clone();
    }

    public KdnetStats stats() {
        return counters.snapshot();
    }

    public boolean handshaken() {
        return dataKey != null;
    }

    /** The next poke datagram; the poke counter advances as on a live target. */
    public synchronized byte[] poke() {
        for (int i = 0; i < KdnetHandshake.POKE_COUNTER_BYTES && ++clientRandom[i] == 0; i++) {
            // carry into the next counter byte
        }
        byte[] body = KdnetHandshake.pokeBody(clientRandom);
        counters.sent();
        return new KdnetDatagram(VERSION, KdnetDatagram.CHANNEL_CONTROL,
                KdnetHeader.forBody(++sequence, false, body.length), body).encrypt(key.controlKey(), hmacKey);
    }

    /** The 12-byte first data datagram a Windows target sends after the handshake. */
    public byte[] firstDatagram() {
        return seal(FIRST_BODY);
    }

    /** A data datagram carrying {@code body}; null before the handshake. */
    public synchronized byte[] seal(byte[] body) {
        byte[] k = dataKey;
        if (k == null) {
            return null;
        }
        counters.sent();
        return new KdnetDatagram(VERSION, KdnetDatagram.CHANNEL_DATA,
                KdnetHeader.forBody(++sequence, false, body.length), body).encrypt(k, hmacKey);
    }

    /**
     * One datagram from the host: a response (handshake, returns {@link KdnetStep.Reply} with no
     * bytes to send when it switched keys), a data body, or a drop.
     */
    public KdnetStep receive(byte[] udp) {
        counters.received();
        KdnetStep step = classify(udp);
        if (step instanceof KdnetStep.Drop d) {
            counters.dropped(d.reason());
        }
        return step;
    }

    private KdnetStep classify(byte[] udp) {
        if (udp.length > KdnetHostCodec.MAX_DATAGRAM) {
            return new KdnetStep.Drop(KdnetDrop.OVERSIZED, udp.length + " bytes");
        }
        try {
            int channel = KdnetDatagram.channelOf(udp);
            if (channel == KdnetDatagram.CHANNEL_CONTROL) {
                return onResponse(KdnetDatagram.decrypt(udp, key.controlKey(), hmacKey));
            }
            byte[] k = dataKey;
            if (channel != KdnetDatagram.CHANNEL_DATA || k == null) {
                return new KdnetStep.Drop(k == null ? KdnetDrop.BEFORE_HANDSHAKE : KdnetDrop.UNKNOWN_CHANNEL,
                        "channel " + channel);
            }
            return onData(KdnetDatagram.decrypt(udp, k, hmacKey));
        } catch (KdProtocolException e) {
            KdnetDrop reason = e.getMessage().contains("HMAC") ? KdnetDrop.BAD_HMAC
                    : e.getMessage().contains("length") ? KdnetDrop.TRUNCATED : KdnetDrop.MALFORMED;
            return new KdnetStep.Drop(reason, e.getMessage());
        }
    }

    private KdnetStep onResponse(KdnetDatagram d) throws KdProtocolException {
        byte[] echoed = KdnetHandshake.echoedClientRandom(d.body());
        if (!d.header().hostToTarget() || !KdnetHandshake.sameTarget(echoed, clientRandom)) {
            return new KdnetStep.Drop(KdnetDrop.MALFORMED, "response not for this target boot");
        }
        byte[] next = key.dataKey(d.body());
        boolean changed = !Arrays.equals(next, dataKey);
        if (changed) {
            dataKey = next;
            lastHostSequence = -1;
            counters.handshake();
        }
        return new KdnetStep.Reply(new byte[0], changed);
    }

    private KdnetStep onData(KdnetDatagram d) {
        if (!d.header().hostToTarget()) {
            return new KdnetStep.Drop(KdnetDrop.MALFORMED, "direction bit says target to host");
        }
        if (d.header().sequence() <= lastHostSequence) {
            return new KdnetStep.Drop(KdnetDrop.REPLAYED, "sequence " + d.header().sequence());
        }
        lastHostSequence = d.header().sequence();
        byte[] body = d.body();
        if (body.length == 1 && body[0] == KdPacket.BREAKIN_BYTE) {
            return new KdnetStep.Deliver(new LinkEvent.BreakIn());
        }
        try {
            return new KdnetStep.Deliver(new LinkEvent.Packet(KdPacket.decode(body)));
        } catch (KdProtocolException e) {
            return new KdnetStep.Deliver(new LinkEvent.Garbage(new FramingError(FramingError.Reason.MALFORMED,
                    e.getMessage())));
        }
    }
}
