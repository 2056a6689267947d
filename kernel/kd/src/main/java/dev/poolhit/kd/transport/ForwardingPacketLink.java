package dev.poolhit.kd.transport;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;

/**
 * Base of {@link PacketLink} decorators (wire logging, counting, recording): every call goes to the
 * inner link unless a subclass overrides it, so a decorator states only what it adds.
 */
public abstract class ForwardingPacketLink implements PacketLink {
    private final PacketLink inner;

    protected ForwardingPacketLink(PacketLink inner) {
        this.inner = inner;
    }

    /** The decorated link. */
    protected final PacketLink inner() {
        return inner;
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        inner.send(packet);
    }

    @Override
    public void sendBreakIn() throws KdException {
        inner.sendBreakIn();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        return inner.receive(deadlineNanos);
    }

    @Override
    public KdClock clock() {
        return inner.clock();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
