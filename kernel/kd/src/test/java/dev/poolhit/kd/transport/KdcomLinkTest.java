package dev.poolhit.kd.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KdcomLinkTest {
    @Test
    void receiveTimesOutOnTheInjectedClockWithoutSleeping() throws Exception {
        ManualClock clock = new ManualClock();
        InProcessPipe.Pair pair = InProcessPipe.pair();
        try (KdcomLink host = KdcomLink.open(pair.host(), clock)) {
            assertNull(host.receive(clock.nanoTime()), "a deadline already reached polls");
            Thread waker = new Thread(() -> {
                try {
                    clock.advanceWhenWaiting(Duration.ofSeconds(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waker.start();
            assertNull(host.receive(clock.deadlineAfter(Duration.ofSeconds(1).toNanos())));
            waker.join();
            assertEquals(Duration.ofSeconds(1).toNanos(), clock.nanoTime());
        }
    }

    @Test
    void wireLogWritesOneLinePerPacket() throws Exception {
        KdClock clock = KdClock.system();
        InProcessPipe.Pair pair = InProcessPipe.pair();
        List<String> lines = new ArrayList<>();
        try (PacketLink host = new WireLogLink(KdcomLink.open(pair.host(), clock), lines::add);
             PacketLink target = KdcomLink.open(pair.target(), clock)) {
            host.send(KdPacket.data(PacketType.STATE_MANIPULATE, 0x80800000, new byte[] {0x46, 0x31, 0, 0}));
            host.sendBreakIn();
            target.send(KdPacket.ack(0x80800000));
            LinkEvent e = host.receive(clock.deadlineAfter(Duration.ofSeconds(10).toNanos()));
            assertEquals(new LinkEvent.Packet(KdPacket.ack(0x80800000)), e);
            assertEquals(List.of("send STATE_MANIPULATE id 0x80800000 DbgKdGetVersionApi (0x3146) len 4",
                    "send BREAKIN 0x62", "recv ACKNOWLEDGE id 0x80800000 len 0"), lines);
        }
    }

    @Test
    void peerCloseEndsTheLinkAfterDraining() throws Exception {
        KdClock clock = KdClock.system();
        InProcessPipe.Pair pair = InProcessPipe.pair();
        try (KdcomLink host = KdcomLink.open(pair.host(), clock)) {
            pair.target().write(dev.poolhit.kd.transport.kdcom.KdcomEncoder.encode(KdPacket.reset()));
            pair.target().close();
            long deadline = clock.deadlineAfter(Duration.ofSeconds(10).toNanos());
            assertEquals(new LinkEvent.Packet(KdPacket.reset()), host.receive(deadline));
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> host.receive(deadline));
            assertEquals("end of stream from in-process (host end)", e.getMessage());
        }
    }
}
