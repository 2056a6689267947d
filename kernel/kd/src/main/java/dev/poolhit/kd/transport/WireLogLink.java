package dev.poolhit.kd.transport;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import java.util.function.Consumer;

/**
 * Decorator that logs every packet crossing a {@link PacketLink} ({@code %connect --wire-log}):
 * one summary line per packet at INFO ({@code send STATE_MANIPULATE id 0x80800000
 * DbgKdGetVersionApi (0x3146) len 56}), a hex dump at DEBUG (java.util.logging FINE), framing
 * errors at WARNING. Lines also go to an optional sink (e.g. the notebook). Logger name:
 * {@code dev.poolhit.kd.wire}.
 */
public final class WireLogLink extends ForwardingPacketLink {
    private static final System.Logger LOG = System.getLogger("dev.poolhit.kd.wire");

    private final Consumer<String> sink;

    public WireLogLink(PacketLink inner, Consumer<String> sink) {
        super(inner);
        this.sink = sink == null ? line -> { } : sink;
    }

    public WireLogLink(PacketLink inner) {
        this(inner, null);
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        log("send", packet);
        super.send(packet);
    }

    @Override
    public void sendBreakIn() throws KdException {
        line(System.Logger.Level.INFO, "send BREAKIN 0x62");
        super.sendBreakIn();
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        LinkEvent e = super.receive(deadlineNanos);
        if (e instanceof LinkEvent.Packet p) {
            log("recv", p.packet());
        } else if (e instanceof LinkEvent.BreakIn) {
            line(System.Logger.Level.INFO, "recv BREAKIN 0x62");
        } else if (e instanceof LinkEvent.Garbage g) {
            line(System.Logger.Level.WARNING, "recv garbage " + g.error().reason() + ": " + g.error().message());
        }
        return e;
    }

    private void log(String direction, KdPacket packet) {
        line(System.Logger.Level.INFO, direction + " " + PacketSummary.describe(packet));
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            byte[] bytes = packet.encode();
            LOG.log(System.Logger.Level.DEBUG, Hex.dump(bytes, 0, bytes.length));
        }
    }

    private void line(System.Logger.Level level, String text) {
        LOG.log(level, text);
        sink.accept(text);
    }
}
