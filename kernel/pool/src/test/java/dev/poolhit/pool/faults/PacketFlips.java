package dev.poolhit.pool.faults;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.ForwardingPacketLink;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's packet link with chosen packets' type field flipped, as a byte flip outside the KDCOM
 * checksum does (kd-protocol.md 1.5): the receiver ACKs such a packet and drops it. Two scripted
 * faults, each at most {@code budget} times:
 * <ul>
 *   <li>{@link Fault#CONTINUE_AFTER_IP_MOVE}: the Continue2 that follows a SetContext (a trace moving
 *       RIP/EIP past an {@code int 3}) never reaches the target, which stays at the continued stop;</li>
 *   <li>{@link Fault#EVERY_THIRD_CONTINUE}: as above for every third Continue2 (single steps too);</li>
 *   <li>{@link Fault#STOP_LIKE_THE_LAST}: a state change byte-identical to the last one the host got
 *       (a new hit at the same site by the same thread) is first announced mangled; its repeat after
 *       the host's RESET probe passes.</li>
 * </ul>
 */
final class PacketFlips extends ForwardingPacketLink {
    enum Fault { CONTINUE_AFTER_IP_MOVE, EVERY_THIRD_CONTINUE, STOP_LIKE_THE_LAST }

    private final Fault fault;
    private final AtomicInteger budget;
    private final AtomicInteger flipped = new AtomicInteger();
    private volatile boolean ipMoved;
    private volatile int continues;
    private volatile boolean targetReset;
    private volatile int announced;
    private KdPacket lastStop;
    private KdPacket lastData;

    PacketFlips(PacketLink inner, Fault fault, int budget) {
        super(inner);
        this.fault = fault;
        this.budget = new AtomicInteger(budget);
    }

    /** Packets mangled so far. */
    int flipped() {
        return flipped.get();
    }

    /**
     * Exception stops the target announced for the first time (not a repeat after its RESET answer,
     * not a retransmission with the same id): how often it broke. A continue resent at a stop the host
     * mistook for an echo would re-execute the {@code int 3} there and show as one more.
     */
    int announcedStops() {
        return announced;
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        if (packet.is(PacketType.STATE_MANIPULATE) && losesContinue(ManipulateState.decode(packet.payload()).apiNumber())) {
            inner().send(flip(packet));
            return;
        }
        inner().send(packet);
    }

    private boolean losesContinue(int api) {
        if (api == ManipulateApi.SET_CONTEXT.number()) {
            ipMoved = true;
            return false;
        }
        if (api != ManipulateApi.CONTINUE2.number()) {
            return false;
        }
        boolean chosen = fault == Fault.CONTINUE_AFTER_IP_MOVE ? ipMoved
                : fault == Fault.EVERY_THIRD_CONTINUE && ++continues % 3 == 0;
        ipMoved = false;
        return chosen && budget.getAndDecrement() > 0;
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        LinkEvent e = inner().receive(deadlineNanos);
        if (!(e instanceof LinkEvent.Packet p)) {
            return e;
        }
        KdPacket packet = p.packet();
        if (packet.is(PacketType.RESET)) {
            targetReset = true; // it was stopped: its pending state change comes again
        }
        if (packet.isControl()) {
            return e;
        }
        // a retransmission (its ACK was late) repeats the last data packet's type and id, as the host's dedup sees it
        boolean retransmitted = lastData != null && lastData.type() == packet.type() && lastData.id() == packet.id();
        lastData = packet;
        if (!packet.is(PacketType.STATE_CHANGE64)) {
            return e;
        }
        boolean likeTheLast = lastStop != null && Arrays.equals(packet.payload(), lastStop.payload());
        boolean first = !targetReset && !retransmitted;
        lastStop = packet;
        targetReset = false;
        if (first && StateChange64.decode(packet.payload()).is(NewState.EXCEPTION)) {
            announced++;
        }
        if (fault == Fault.STOP_LIKE_THE_LAST && likeTheLast && first && budget.getAndDecrement() > 0) {
            return new LinkEvent.Packet(flip(packet));
        }
        return e;
    }

    private KdPacket flip(KdPacket packet) {
        flipped.incrementAndGet();
        return new KdPacket(packet.leader(), packet.type() ^ 0x40, packet.id(), packet.payload());
    }

    @Override
    public String description() {
        return inner().description() + " with " + fault + " flips";
    }
}
