package dev.poolhit.kd.transport.kdnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KdnetLink} over real loopback UDP against a scripted target. */
class KdnetLinkTest {
    private static final long WAIT = 10_000_000_000L;
    private static final KdPacket STATE = KdPacket.data(PacketType.STATE_CHANGE64, 0x80800800, new byte[] {1, 2, 3});
    private KdnetLink link;

    private KdnetLink open(String key) throws Exception {
        link = KdnetLink.open(KdnetSpec.parse("net:port=0,key=" + key + ",host=127.0.0.1"), KdClock.system());
        return link;
    }

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
    }

    private LinkEvent next() throws Exception {
        return link.receive(link.clock().deadlineAfter(WAIT));
    }

    @Test
    void sendsQueuedBeforeTheHandshakeGoOutAfterItAndPacketsFlowBothWays() throws Exception {
        open("1.2.3.4");
        link.sendBreakIn();
        link.send(KdPacket.reset());
        try (FakeKdnetTarget target = new FakeKdnetTarget("1.2.3.4", link.localPort(), 9)) {
            target.handshake();
            assertEquals(new KdnetStep.Deliver(new LinkEvent.BreakIn()), target.receive());
            assertEquals(new KdnetStep.Deliver(new LinkEvent.Packet(KdPacket.reset())), target.receive());
            target.send(target.codec.firstDatagram());
            target.send(target.codec.seal(STATE.encode()));
            assertEquals(new LinkEvent.Packet(STATE), next());
            link.send(KdPacket.ack(STATE.id()));
            assertEquals(new KdnetStep.Deliver(new LinkEvent.Packet(KdPacket.control(PacketType.ACKNOWLEDGE, 0x80800800))),
                    target.receive(), "the ACK echoes the id exactly");
            assertEquals(java.util.Optional.of(target.socket.getLocalSocketAddress().toString()), link.peer());
            KdnetStats s = link.stats();
            assertEquals(1, s.handshakes());
            assertEquals(0, s.droppedTotal(), s.summary());
            assertEquals(3, s.datagramsIn());
            assertEquals(4, s.datagramsOut());
        }
    }

    @Test
    void tamperedTruncatedReplayedOversizedAndUnknownDatagramsAreDroppedAndCounted() throws Exception {
        open("1.2.3.4");
        try (FakeKdnetTarget target = new FakeKdnetTarget("1.2.3.4", link.localPort(), 9)) {
            target.handshake();
            byte[] good = target.codec.seal(STATE.encode());
            target.send(good);
            assertEquals(new LinkEvent.Packet(STATE), next());
            byte[] tampered = target.codec.seal(STATE.encode());
            tampered[tampered.length - 20] ^= 1;
            target.send(tampered);
            target.send(Arrays.copyOf(target.codec.seal(STATE.encode()), 37));
            target.send(good);
            byte[] oversized = Arrays.copyOf(good, KdnetHostCodec.MAX_DATAGRAM + 16);
            target.send(oversized);
            byte[] channel = target.codec.seal(STATE.encode());
            channel[5] = 7;
            target.send(channel);
            KdPacket after = KdPacket.data(PacketType.DEBUG_IO, 2, new byte[] {4});
            target.send(target.codec.seal(after.encode()));
            assertEquals(new LinkEvent.Packet(after), next(), "the session continues");
            KdnetStats s = link.stats();
            for (KdnetDrop r : new KdnetDrop[] {KdnetDrop.BAD_HMAC, KdnetDrop.TRUNCATED, KdnetDrop.REPLAYED,
                    KdnetDrop.OVERSIZED, KdnetDrop.UNKNOWN_CHANNEL}) {
                assertEquals(1, s.dropped(r), r + " in " + s.summary());
            }
            assertEquals(5, s.droppedTotal());
        }
    }

    @Test
    void keepAlivePokesAreIgnoredAndARebootedTargetHandshakesAgain() throws Exception {
        open("1.2.3.4");
        try (FakeKdnetTarget first = new FakeKdnetTarget("1.2.3.4", link.localPort(), 9);
             FakeKdnetTarget rebooted = new FakeKdnetTarget("1.2.3.4", link.localPort(), 10)) {
            first.handshake();
            first.send(first.codec.seal(STATE.encode()));
            assertEquals(new LinkEvent.Packet(STATE), next());
            first.send(first.codec.poke());
            rebooted.handshake();
            rebooted.send(rebooted.codec.seal(STATE.encode()));
            assertEquals(new LinkEvent.Packet(STATE), next());
            link.sendBreakIn();
            assertEquals(new KdnetStep.Deliver(new LinkEvent.BreakIn()), rebooted.receive());
            assertEquals(2, link.stats().handshakes());
        }
    }

    @Test
    void anAckEchoesAKdnetTargetIdWithBit0x800Exactly() throws Exception {
        open("1.2.3.4");
        try (FakeKdnetTarget target = new FakeKdnetTarget("1.2.3.4", link.localPort(), 9)) {
            target.handshake();
            KdPacket print = KdPacket.data(PacketType.DEBUG_IO, 0x92e, new byte[] {7});
            target.send(target.codec.seal(print.encode()));
            assertEquals(new LinkEvent.Packet(print), next());
            link.send(KdPacket.ack(print.id()));
            assertEquals(new KdnetStep.Deliver(new LinkEvent.Packet(KdPacket.control(PacketType.ACKNOWLEDGE, 0x92e))),
                    target.receive());
        }
    }

    @Test
    void aLostResponseIsRepeatedForTheSameBootUntilDataArrives() throws Exception {
        open("1.2.3.4");
        try (FakeKdnetTarget target = new FakeKdnetTarget("1.2.3.4", link.localPort(), 9)) {
            target.send(target.codec.poke());
            target.receiveRaw(); // "lost": the target never processes it
            target.handshake();
            assertEquals(1, link.stats().handshakes());
            target.send(target.codec.seal(STATE.encode()));
            assertEquals(new LinkEvent.Packet(STATE), next());
        }
    }

    @Test
    void aWrongKeyClosesTheLinkOnTheFirstDatagramWithAClearMessage() throws Exception {
        open("8.8.8.9");
        try (FakeKdnetTarget target = new FakeKdnetTarget("8.8.8.8", link.localPort(), 9)) {
            target.send(target.codec.poke());
            LinkClosedException e = assertThrows(LinkClosedException.class, this::next);
            assertEquals("KDNET: HMAC mismatch on the first datagram from 127.0.0.1: wrong key?", e.getMessage());
            assertFalse(link.isOpen());
        }
    }

    @Test
    void theDescriptionNeverShowsTheKey() throws Exception {
        open("1m770ts6ru0p.3.4.5");
        assertTrue(link.description().endsWith("key=***"), link.description());
        assertFalse(link.description().contains("1m770"));
        assertInstanceOf(KdnetLink.class, dev.poolhit.kd.transport.Transports.openLink(
                "net:port=0,key=1.2.3.4,host=127.0.0.1", java.time.Duration.ofSeconds(1), KdClock.system()));
    }
}
