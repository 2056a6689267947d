package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.ControlReportAmd64;
import dev.poolhit.kd.protocol.ExceptionRecord64;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketLink;
import java.time.Duration;

/**
 * The test thread's side of a session test (LLDB {@code HandlePacket} style): expects the host's
 * next packet, asserts it, and answers with the real encoder. Its own waits are event-driven with
 * a 10 s real-time safety net, never timing assertions.
 */
final class ScriptedTarget {
    static final Duration SAFETY = Duration.ofSeconds(10);

    private final PacketLink link;

    ScriptedTarget(PacketLink link) {
        this.link = link;
    }

    LinkEvent nextEvent() throws KdException {
        KdClock c = link.clock();
        LinkEvent e = link.receive(c.deadlineAfter(SAFETY.toNanos()));
        assertNotNull(e, "target received nothing within the safety limit");
        return e;
    }

    KdPacket next() throws KdException {
        return assertInstanceOf(LinkEvent.Packet.class, nextEvent()).packet();
    }

    void expectControl(PacketType type, int id) throws KdException {
        KdPacket p = next();
        assertTrue(p.isControl(), "expected control packet, got " + p);
        assertEquals(type.value(), p.type(), "control type of " + p);
        assertEquals(id, p.id(), "control id of " + p);
    }

    void expectAck(int id) throws KdException {
        expectControl(PacketType.ACKNOWLEDGE, id);
    }

    /** Expects a data packet of {@code type} and ACKs it unless told not to. */
    KdPacket expectData(PacketType type, boolean ack) throws KdException {
        KdPacket p = next();
        assertFalse(p.isControl(), "expected a data packet, got " + p);
        assertEquals(type.value(), p.type(), "type of " + p);
        if (ack) {
            link.send(KdPacket.ack(p.id()));
        }
        return p;
    }

    /** Expects a manipulate request for {@code api}, ACKs it, returns the packet. */
    KdPacket expectRequest(ManipulateApi api) throws KdException {
        KdPacket p = expectData(PacketType.STATE_MANIPULATE, true);
        assertEquals(api.number(), ManipulateState.decode(p.payload()).apiNumber(), "api of " + p);
        return p;
    }

    /** Sends {@code packet} and expects the host's ACK for it. */
    void sendAcked(KdPacket packet) throws KdException {
        link.send(packet);
        expectAck(packet.id() & ~KdPacket.SYNC_PACKET_ID);
    }

    void send(KdPacket packet) throws KdException {
        link.send(packet);
    }

    /** Answers a request packet: same struct, status, args, data, under {@code id}. */
    void respond(KdPacket request, int status, dev.poolhit.kd.protocol.ManipulateArgs args, byte[] data, int id)
            throws KdException {
        ManipulateState r = ManipulateState.decode(request.payload()).respond(status, args, data);
        sendAcked(r.toPacket(id));
    }

    static StateChange64 breakpointAt(long pc) {
        byte[] stream = new byte[16];
        stream[0] = (byte) 0xcc;
        return StateChange64.exception(new StateChange64.Cpu(6, 0, 1, 0xfffff80000c0a080L, pc),
                ExceptionRecord64.of(0x80000003, pc, 0), true,
                new ControlReportAmd64(0xffff0ff0L, 0x400, 0x246, 16, 3, stream, 0x10, 0x2b, 0x2b, 0x53));
    }
}
