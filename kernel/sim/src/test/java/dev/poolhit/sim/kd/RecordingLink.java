package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.transport.ForwardingPacketLink;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import java.util.List;

/** A host-side link decorator that records one summary line per packet, quietly (no logging). */
final class RecordingLink extends ForwardingPacketLink {
    private final List<String> lines;

    RecordingLink(PacketLink inner, List<String> lines) {
        super(inner);
        this.lines = lines;
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        lines.add("send " + PacketSummary.describe(packet));
        super.send(packet);
    }

    @Override
    public void sendBreakIn() throws KdException {
        lines.add("send BREAKIN");
        super.sendBreakIn();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        LinkEvent e = super.receive(deadlineNanos);
        if (e instanceof LinkEvent.Packet p) {
            lines.add("recv " + PacketSummary.describe(p.packet()));
        }
        return e;
    }
}
