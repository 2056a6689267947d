package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import java.util.List;

/** A host-side link decorator that records one summary line per packet, quietly (no logging). */
final class RecordingLink implements PacketLink {
    private final PacketLink inner;
    private final List<String> lines;

    RecordingLink(PacketLink inner, List<String> lines) {
        this.inner = inner;
        this.lines = lines;
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        lines.add("send " + PacketSummary.describe(packet));
        inner.send(packet);
    }

    @Override
    public void sendBreakIn() throws KdException {
        lines.add("send BREAKIN");
        inner.sendBreakIn();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        LinkEvent e = inner.receive(deadlineNanos);
        if (e instanceof LinkEvent.Packet p) {
            lines.add("recv " + PacketSummary.describe(p.packet()));
        }
        return e;
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
