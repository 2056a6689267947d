package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.FramingError;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * The target side of KDCOM reliability, as Windows kdcom behaves (kd-protocol.md 1.5-1.8, 12.9).
 * Single-threaded: only the engine thread calls it.
 *
 * <ul>
 *   <li>Own ids: 0x80800800 after (re)initialisation, then toggling bit 0 with the sync bit cleared
 *       after the first ACK; an ACK matches with 0x800 ignored.</li>
 *   <li>RESET from the host: answer RESET, restart own ids at 0x80800000, forget the host's last id,
 *       and report a {@link PortEvent.Resync} (or rebuild the packet being sent with the new id).</li>
 *   <li>Every valid host data packet is ACKed; a packet with the same id as the last accepted one is
 *       a repeat and dropped. A new one arriving while we wait for our ACK proves delivery.</li>
 *   <li>Bad checksum, trailer or length: RESEND. ACK timeout or RESEND: send again; optional
 *       packets (DbgPrint, load symbols) are given up after the retry budget, others never.</li>
 * </ul>
 */
final class TargetPort {
    private static final System.Logger LOG = System.getLogger(TargetPort.class.getName());
    private static final int SYNC_START = KdPacket.INITIAL_PACKET_ID | KdPacket.SYNC_PACKET_ID;

    private final PacketLink link;
    private final KdClock clock;
    private final long ackTimeoutNanos;
    private final int optionalRetries;
    private final ArrayDeque<PortEvent> pending = new ArrayDeque<>();
    private int nextId = SYNC_START;
    private Integer lastAcceptedId;
    private boolean breakInSeen;

    TargetPort(PacketLink link, Duration ackTimeout, int optionalRetries) {
        this.link = link;
        this.clock = link.clock();
        this.ackTimeoutNanos = ackTimeout.toNanos();
        this.optionalRetries = optionalRetries;
    }

    KdClock clock() {
        return clock;
    }

    PacketLink link() {
        return link;
    }

    /** As after a (re)boot: next id 0x80800800, nothing accepted yet, nothing pending. */
    void restart() {
        nextId = SYNC_START;
        lastAcceptedId = null;
        pending.clear();
    }

    /** The id the next new packet will carry (for tests and logs). */
    int nextId() {
        return nextId;
    }

    /**
     * Sends a data packet built for the current id and waits for its ACK, resending as needed.
     *
     * @return true once delivered; false if an optional packet was given up (the debugger is
     *         then treated as absent: ids restart at 0x80800800)
     */
    boolean send(IntFunction<KdPacket> build, boolean optional) throws KdException {
        KdPacket packet = build.apply(nextId);
        link.send(packet);
        int retries = 0;
        long deadline = clock.deadlineAfter(ackTimeoutNanos);
        while (true) {
            LinkEvent e = link.receive(deadline);
            Verdict v = judge(e, packet);
            if (v == Verdict.DELIVERED) {
                nextId = (packet.id() & ~KdPacket.SYNC_PACKET_ID) ^ 1;
                return true;
            }
            if (v == Verdict.REBUILD) {
                packet = build.apply(nextId);
            }
            if (v != Verdict.WAIT) {
                if (optional && ++retries > optionalRetries) {
                    LOG.log(System.Logger.Level.DEBUG, "host absent, given up: " + PacketSummary.describe(packet));
                    restart();
                    return false;
                }
                link.send(packet);
                deadline = clock.deadlineAfter(ackTimeoutNanos);
            }
        }
    }

    private enum Verdict { DELIVERED, RESEND, REBUILD, WAIT }

    private Verdict judge(LinkEvent e, KdPacket sent) throws KdException {
        if (e == null) {
            return Verdict.RESEND;
        }
        if (e instanceof LinkEvent.Packet p && p.packet().isControl()) {
            KdPacket c = p.packet();
            if (c.is(PacketType.ACKNOWLEDGE)) {
                boolean ours = (c.id() & ~KdPacket.SYNC_PACKET_ID) == (sent.id() & ~KdPacket.SYNC_PACKET_ID);
                return ours ? Verdict.DELIVERED : Verdict.WAIT;
            }
            if (c.is(PacketType.RESET)) {
                answerReset();
                return Verdict.REBUILD;
            }
            return c.is(PacketType.RESEND) ? Verdict.RESEND : Verdict.WAIT;
        }
        if (e instanceof LinkEvent.Packet p) {
            // A new host packet means it got ours; a repeat means it may not have: send ours again.
            return accept(p.packet()) ? Verdict.DELIVERED : Verdict.RESEND;
        }
        onOther(e);
        return Verdict.WAIT;
    }

    /** The next host request or resync while broken in; null once {@code deadline} passes. */
    PortEvent next(long deadline) throws KdException {
        while (pending.isEmpty()) {
            LinkEvent e = link.receive(deadline);
            if (e == null) {
                return null;
            }
            if (e instanceof LinkEvent.Packet p && p.packet().is(PacketType.RESET)) {
                answerReset();
                pending.add(new PortEvent.Resync());
            } else if (e instanceof LinkEvent.Packet p && !p.packet().isControl()) {
                accept(p.packet());
            } else if (e instanceof LinkEvent.Packet p) {
                LOG.log(System.Logger.Level.DEBUG, "ignored while broken in: " + PacketSummary.describe(p.packet()));
            } else {
                onOther(e);
            }
        }
        return pending.removeFirst();
    }

    /**
     * While running, kdcom only polls for the break-in byte (kd-protocol.md 1.7): drains what has
     * arrived without waiting and reports whether 0x62 was among it.
     */
    boolean pollBreakIn(long deadline) throws KdException {
        LinkEvent e = link.receive(deadline);
        while (e != null) {
            if (e instanceof LinkEvent.BreakIn) {
                breakInSeen = true;
            } else if (e instanceof LinkEvent.Packet p) {
                LOG.log(System.Logger.Level.DEBUG, "ignored while running: " + PacketSummary.describe(p.packet()));
            }
            e = link.receive(clock.nanoTime());
        }
        boolean seen = breakInSeen;
        breakInSeen = false;
        return seen;
    }

    private boolean accept(KdPacket p) throws KdException {
        link.send(KdPacket.ack(p.id()));
        if (lastAcceptedId != null && lastAcceptedId == p.id()) {
            LOG.log(System.Logger.Level.DEBUG, "repeat dropped: " + PacketSummary.describe(p));
            return false;
        }
        lastAcceptedId = p.id();
        pending.add(new PortEvent.Request(p));
        return true;
    }

    private void answerReset() throws KdException {
        link.send(KdPacket.reset());
        nextId = KdPacket.INITIAL_PACKET_ID;
        lastAcceptedId = null;
        pending.removeIf(PortEvent.Resync.class::isInstance);
    }

    private void onOther(LinkEvent e) throws KdException {
        if (e instanceof LinkEvent.BreakIn) {
            breakInSeen = true;
        } else if (e instanceof LinkEvent.Garbage g) {
            LOG.log(System.Logger.Level.DEBUG, "framing error: " + g.error().message());
            if (g.error().reason() != FramingError.Reason.SKIPPED_BYTES) {
                link.send(KdPacket.resend());
            }
        }
    }
}
