package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.FramingError;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * The reliability layer of the host side (kd-protocol.md 1.5-1.8, 12.9): packet ids, ACKs,
 * resends, RESET handling and duplicate suppression. Single-threaded: only the session's driving
 * thread calls it.
 *
 * <ul>
 *   <li>Every valid data packet is ACKed (id with 0x800 cleared); it is delivered only if
 *       (type, id) differs from the last one accepted.</li>
 *   <li>A sent data packet is repeated on ACK timeout and on RESEND, at most
 *       {@code maxRetries} times, with the same id.</li>
 *   <li>A new data packet arriving while we wait for an ACK means the peer got ours.</li>
 *   <li>RESET (sent or received): ids restart at 0x80800000, the last accepted id is forgotten,
 *       RESETs already queued behind it are dropped (the "resync bounce"), and a packet waiting
 *       for its ACK is resent with a fresh id.</li>
 * </ul>
 */
final class PacketPump {
    private static final System.Logger LOG = System.getLogger(PacketPump.class.getName());

    private record Key(int type, int id) {}

    private final PacketLink link;
    private final KdClock clock;
    private final SessionOptions options;
    private final ArrayDeque<KdPacket> inbox = new ArrayDeque<>();
    private LinkEvent pushback;
    private int nextId = KdPacket.INITIAL_PACKET_ID;
    private Key lastAccepted;
    private int resets;
    // single writer (the driving thread); volatile so a status display on another thread sees them
    private volatile long delivered;
    private volatile long resent;
    private volatile long badChecksums;
    private volatile long framingErrors;
    private volatile long duplicates;

    PacketPump(PacketLink link, SessionOptions options) {
        this.link = link;
        this.clock = link.clock();
        this.options = options;
    }

    KdClock clock() {
        return clock;
    }

    PacketLink link() {
        return link;
    }

    /** RESETs seen or sent so far (for callers that must notice a resynchronisation). */
    int resets() {
        return resets;
    }

    /** The wire counters so far; any thread. */
    WireCounters counters() {
        return new WireCounters(delivered, resent, badChecksums, framingErrors, duplicates, resets);
    }

    int takeId() {
        int id = nextId;
        nextId ^= 1;
        return id;
    }

    /** Sends RESET and restarts ids, as at connect. */
    void sendReset() throws KdException {
        link.send(KdPacket.reset());
        restartIds();
    }

    /**
     * Sends RESET as a question (is the peer in its debugger loop?) without restarting our ids: a
     * running peer never sees it. Duplicate suppression is dropped so an answer with restarted ids
     * is not mistaken for a repeat; a RESET answer restarts ids as usual.
     */
    void sendResetProbe() throws KdException {
        link.send(KdPacket.reset());
        lastAccepted = null;
    }

    /** The peer evidently took a RESET whose answer we never saw: ids restart as if we had. */
    void assumePeerReset() {
        restartIds();
    }

    /** Puts a delivered packet back in front of the inbox for the next reader. */
    void requeueFirst(KdPacket p) {
        inbox.addFirst(p);
    }

    /**
     * Sends a data packet built for an id and waits for its ACK, resending as needed.
     *
     * @throws KdTimeoutException after {@code maxRetries} resends without an ACK
     */
    void sendReliable(IntFunction<KdPacket> build) throws KdException {
        KdPacket packet = build.apply(takeId());
        int retries = 0;
        link.send(packet);
        long deadline = clock.deadlineAfter(options.ackTimeout().toNanos());
        while (true) {
            LinkEvent e = poll(deadline);
            Outcome outcome = e == null ? Outcome.RESEND : onEventWhileSending(e, packet);
            if (outcome == Outcome.DELIVERED) {
                return;
            }
            if (outcome == Outcome.RENUMBER) {
                packet = build.apply(takeId());
            }
            if (outcome != Outcome.WAIT) {
                if (++retries > options.maxRetries()) {
                    throw new KdTimeoutException(String.format("no ACK for %s after %d retries (ACK timeout %d ms)",
                            PacketSummary.describe(packet), options.maxRetries(), options.ackTimeout().toMillis()));
                }
                link.send(packet);
                resent++;
                deadline = clock.deadlineAfter(options.ackTimeout().toNanos());
            }
        }
    }

    /** Sends a request again as a new packet (fresh id): the target ACKed the first but never answered it. */
    void sendAgain(IntFunction<KdPacket> build) throws KdException {
        resent++;
        sendReliable(build);
    }

    /** What an event means for a packet waiting for its ACK. */
    private enum Outcome { DELIVERED, RESEND, RENUMBER, WAIT }

    private Outcome onEventWhileSending(LinkEvent e, KdPacket packet) throws KdException {
        if (e instanceof LinkEvent.Packet p && p.packet().isControl()) {
            KdPacket c = p.packet();
            if (c.is(PacketType.ACKNOWLEDGE) && sameId(c.id(), packet.id())) {
                return Outcome.DELIVERED;
            }
            if (c.is(PacketType.RESET)) {
                onReset();
                return Outcome.RENUMBER;
            }
            if (c.is(PacketType.RESEND)) {
                return Outcome.RESEND;
            }
            LOG.log(System.Logger.Level.DEBUG, "ignored while waiting for ACK: " + PacketSummary.describe(c));
            return Outcome.WAIT;
        }
        if (e instanceof LinkEvent.Packet p) {
            // A new data packet means the peer got ours and answered (ROS kddll, VirtualKD).
            return accept(p.packet()) ? Outcome.DELIVERED : Outcome.WAIT;
        }
        onOther(e);
        return Outcome.WAIT;
    }

    /** The next newly accepted data packet, or {@code null} once {@code deadline} passes. */
    KdPacket nextDelivered(long deadline) throws KdException {
        while (inbox.isEmpty()) {
            LinkEvent e = poll(deadline);
            if (e == null) {
                return null;
            }
            if (e instanceof LinkEvent.Packet p && !p.packet().isControl()) {
                accept(p.packet());
            } else if (e instanceof LinkEvent.Packet p && p.packet().is(PacketType.RESET)) {
                onReset();
            } else if (e instanceof LinkEvent.Packet p) {
                LOG.log(System.Logger.Level.DEBUG, "ignored control packet: " + PacketSummary.describe(p.packet()));
            } else {
                onOther(e);
            }
        }
        return inbox.removeFirst();
    }

    /** Waits for the first sign of life after RESETs: a RESET reply or any data packet. */
    LinkEvent pollRaw(long deadline) throws KdException {
        return poll(deadline);
    }

    void pushBack(LinkEvent e) {
        pushback = e;
    }

    /** ACKs a data packet; queues it if it is not a repeat. Returns true if it was new. */
    private boolean accept(KdPacket p) throws KdException {
        link.send(KdPacket.ack(p.id()));
        Key key = new Key(p.type(), p.id());
        if (key.equals(lastAccepted)) {
            LOG.log(System.Logger.Level.DEBUG, "duplicate dropped: " + PacketSummary.describe(p));
            duplicates++;
            return false;
        }
        lastAccepted = key;
        delivered++;
        inbox.addLast(p);
        return true;
    }

    void onReset() throws KdException {
        restartIds();
        while (true) {
            LinkEvent next = poll(clock.nanoTime());
            if (next == null) {
                return;
            }
            if (!(next instanceof LinkEvent.Packet p && p.packet().is(PacketType.RESET))) {
                pushback = next;
                return;
            }
        }
    }

    private void restartIds() {
        nextId = KdPacket.INITIAL_PACKET_ID;
        lastAccepted = null;
        resets++;
    }

    private void onOther(LinkEvent e) throws KdException {
        if (e instanceof LinkEvent.Garbage g) {
            LOG.log(System.Logger.Level.DEBUG, "framing error: " + g.error().message());
            if (g.error().reason() == FramingError.Reason.BAD_CHECKSUM) {
                badChecksums++;
            } else if (g.error().reason() != FramingError.Reason.SKIPPED_BYTES) {
                framingErrors++;
            }
            if (g.error().reason() != FramingError.Reason.SKIPPED_BYTES) {
                link.send(KdPacket.resend());
            }
        }
    }

    private LinkEvent poll(long deadline) throws KdException {
        if (pushback != null) {
            LinkEvent e = pushback;
            pushback = null;
            return e;
        }
        return link.receive(deadline);
    }

    private static boolean sameId(int ackId, int sentId) {
        int mask = ~KdPacket.SYNC_PACKET_ID;
        return (ackId & mask) == (sentId & mask);
    }
}
