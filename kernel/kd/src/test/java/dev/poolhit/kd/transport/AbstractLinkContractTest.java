package dev.poolhit.kd.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every byte transport meets under KDCOM framing (the Ghidra LE/BE pattern: one
 * abstract suite, one small subclass per transport). Waits are event-driven with a generous real
 * safety net; nothing asserts timing.
 */
abstract class AbstractLinkContractTest {
    static final Duration SAFETY = Duration.ofSeconds(20);

    /** Two connected ends; {@code cleanup} releases whatever the subclass created. */
    record Ends(ByteTransport a, ByteTransport b, AutoCloseable cleanup) {}

    abstract Ends open() throws Exception;

    /** Whether closing one end is seen by the other as end of stream (not on every tty). */
    boolean peerSeesClose() {
        return true;
    }

    Ends ends;
    KdcomLink a;
    KdcomLink b;

    @BeforeEach
    void connect() throws Exception {
        ends = open();
        a = KdcomLink.open(ends.a(), KdClock.system());
        b = KdcomLink.open(ends.b(), KdClock.system());
    }

    @AfterEach
    void disconnect() throws Exception {
        if (ends == null) {
            return; // the subclass skipped before connecting
        }
        a.close();
        b.close();
        ends.cleanup().close();
    }

    static LinkEvent next(PacketLink link) throws Exception {
        LinkEvent e = link.receive(link.clock().deadlineAfter(SAFETY.toNanos()));
        assertNotNull(e, "nothing arrived on " + link.description());
        return e;
    }

    static KdPacket nextPacket(PacketLink link) throws Exception {
        return assertInstanceOf(LinkEvent.Packet.class, next(link)).packet();
    }

    @Test
    void packetsFlowBothWays() throws Exception {
        KdPacket data = KdPacket.data(PacketType.STATE_MANIPULATE, 0x80800000, new byte[] {0x46, 0x31, 0, 0});
        a.send(data);
        a.send(KdPacket.reset());
        assertEquals(data, nextPacket(b));
        assertEquals(KdPacket.reset(), nextPacket(b));
        b.send(KdPacket.ack(0x80800000));
        assertEquals(KdPacket.ack(0x80800000), nextPacket(a));
    }

    @Test
    void maximumSizePacketArrivesIntact() throws Exception {
        byte[] payload = new byte[KdPacket.MAX_PAYLOAD];
        new Random(7).nextBytes(payload);
        KdPacket big = KdPacket.data(PacketType.STATE_MANIPULATE, 0x80800001, payload);
        b.send(big);
        assertEquals(big, nextPacket(a));
    }

    @Test
    void breakInFromAnotherThreadNeverSplitsAPacket() throws Exception {
        int count = 100;
        Thread breaker = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    a.sendBreakIn();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        breaker.start();
        for (int i = 0; i < count; i++) {
            a.send(KdPacket.data(PacketType.DEBUG_IO, i, new byte[300]));
        }
        breaker.join();
        List<Integer> ids = new ArrayList<>();
        int breakIns = 0;
        while (ids.size() < count || breakIns < count) {
            LinkEvent e = next(b);
            if (e instanceof LinkEvent.BreakIn) {
                breakIns++;
            } else {
                ids.add(assertInstanceOf(LinkEvent.Packet.class, e).packet().id());
            }
        }
        assertEquals(count, breakIns);
        assertEquals(java.util.stream.IntStream.range(0, count).boxed().toList(), ids);
    }

    @Test
    void closingOneEndEndsTheOther() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(peerSeesClose(), "this transport does not signal close");
        a.send(KdPacket.reset());
        a.close();
        assertEquals(KdPacket.reset(), nextPacket(b));
        assertThrows(LinkClosedException.class, () -> b.receive(b.clock().deadlineAfter(SAFETY.toNanos())));
        assertThrows(LinkClosedException.class, () -> a.send(KdPacket.reset()));
    }
}
