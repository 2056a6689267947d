package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.transport.InProcessPipe;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.ManualClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kdcom's target-side reliability rules, one by one; ACK timeouts expire on a manual clock. */
class TargetPortTest {
    private static final Duration ACK = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final InProcessPipe.Pair pipe = InProcessPipe.pair();
    private final PacketLink targetLink = KdcomLink.open(pipe.target(), clock);
    private final PacketLink host = KdcomLink.open(pipe.host(), KdClock.system());
    private final TargetPort port = new TargetPort(targetLink, ACK, 2);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        executor.shutdownNow();
        targetLink.close();
        host.close();
    }

    @Test
    void optionalPacketIsResentOnTimeoutThenGivenUp() throws Exception {
        Future<Boolean> sent = executor.submit(() -> port.send(DebugIo.print(0, "hello\n")::toPacket, true));
        KdPacket first = hostReceive();
        assertEquals(0x80800800, first.id());
        for (int i = 0; i < 2; i++) {
            clock.advanceWhenWaiting(ACK);
            assertEquals(first, hostReceive(), "a resend repeats id and bytes");
        }
        clock.advanceWhenWaiting(ACK);
        assertFalse(sent.get(10, TimeUnit.SECONDS), "given up after 2 retries");
        assertEquals(0x80800800, port.nextId(), "debugger treated as absent: ids restart with SYNC");
    }

    @Test
    void resendRepeatsAndAckWithoutSyncBitDelivers() throws Exception {
        Future<Boolean> sent = executor.submit(() -> port.send(DebugIo.print(0, "x")::toPacket, false));
        KdPacket first = hostReceive();
        host.send(KdPacket.resend());
        assertEquals(first, hostReceive());
        host.send(KdPacket.ack(first.id()));
        assertTrue(sent.get(10, TimeUnit.SECONDS));
        assertEquals(0x80800001, port.nextId(), "toggled, sync bit cleared");
    }

    @Test
    void resetRestartsIdsAndRepeatsThePacket() throws Exception {
        Future<Boolean> sent = executor.submit(() -> port.send(DebugIo.print(0, "x")::toPacket, false));
        KdPacket first = hostReceive();
        host.send(KdPacket.reset());
        assertTrue(hostReceive().is(PacketType.RESET));
        KdPacket again = hostReceive();
        assertEquals(0x80800000, again.id());
        assertArrayEquals(first.payload(), again.payload());
        host.send(KdPacket.ack(again.id()));
        assertTrue(sent.get(10, TimeUnit.SECONDS));
    }

    @Test
    void hostPacketWhileWaitingMeansDeliveredAndIsServedNext() throws Exception {
        Future<Boolean> sent = executor.submit(() -> port.send(DebugIo.print(0, "x")::toPacket, false));
        hostReceive();
        KdPacket request = ManipulateState.request(ManipulateApi.GET_VERSION, 0, null, new byte[0]).toPacket(0x80800000);
        host.send(request);
        assertTrue(hostReceive().is(PacketType.ACKNOWLEDGE));
        assertTrue(sent.get(10, TimeUnit.SECONDS));
        PortEvent next = port.next(clock.nanoTime());
        assertEquals(request, assertInstanceOf(PortEvent.Request.class, next).packet());

        Future<PortEvent> none = executor.submit(() -> port.next(clock.deadlineAfter(ACK.toNanos())));
        host.send(request);   // a repeat of the accepted id: ACKed, dropped
        assertTrue(hostReceive().is(PacketType.ACKNOWLEDGE));
        clock.advanceWhenWaiting(ACK);
        assertEquals(null, none.get(10, TimeUnit.SECONDS));
    }

    @Test
    void breakInByteIsSeenWhileRunning() throws Exception {
        host.sendBreakIn();
        assertTrue(executor.submit(() -> port.pollBreakIn(clock.deadlineAfter(ACK.toNanos()))).get(10, TimeUnit.SECONDS));
    }

    private KdPacket hostReceive() throws Exception {
        LinkEvent e = host.receive(KdClock.system().deadlineAfter(TimeUnit.SECONDS.toNanos(10)));
        return assertInstanceOf(LinkEvent.Packet.class, e, "expected a packet").packet();
    }
}
