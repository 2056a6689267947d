package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.protocol.GetVersion64;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Synchronisation at connect (kd-protocol.md 1.8) and the end of a link. */
class KdSessionConnectTest extends AbstractSessionTest {
    @Test
    void resetIsRepeatedWhileTheTargetIsSilent() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60)));
        target.expectControl(PacketType.RESET, 0);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        target.expectControl(PacketType.RESET, 0);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800800));
        assertEquals(PC, await(f).programCounter());
    }

    @Test
    void bouncedResetRepliesAreDrainedAndTheStopSeenOnce() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60)));
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset());
        target.send(KdPacket.reset());
        target.send(KdPacket.reset());
        KdPacket stop = ScriptedTarget.breakpointAt(PC).toPacket(0x80800800);
        target.sendAcked(stop);
        assertEquals(PC, await(f).programCounter());
        Future<GetVersion64> v = onHost(client::getVersion);
        target.send(stop); // a late repeat of the same stop: ACKed and dropped, whenever it is seen
        KdPacket request = null;
        boolean acked = false;
        while (request == null || !acked) {
            KdPacket p = target.next();
            if (p.isControl()) {
                assertEquals(KdPacket.ack(0x80800000), p);
                acked = true;
            } else {
                request = p;
            }
        }
        assertEquals(0x80800000, request.id());
        targetLink.send(KdPacket.ack(request.id()));
        target.respond(request, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(v));
    }

    @Test
    void silentTargetTimesOutOnTheOverallDeadline() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(2)));
        target.expectControl(PacketType.RESET, 0);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        target.expectControl(PacketType.RESET, 0);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        KdTimeoutException e = assertInstanceOf(KdTimeoutException.class, assertThrowsFrom(f));
        assertEquals("target did not answer RESET within 2000 ms", e.getMessage());
    }

    @Test
    void peerHangingUpDisconnectsTheSession() throws Exception {
        connect();
        Future<GetVersion64> v = onHost(client::getVersion);
        target.expectRequest(ManipulateApi.GET_VERSION);
        targetLink.close();
        LinkClosedException e = assertInstanceOf(LinkClosedException.class, assertThrowsFrom(v));
        assertEquals("end of stream from in-process (host end)", e.getMessage());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }
}
