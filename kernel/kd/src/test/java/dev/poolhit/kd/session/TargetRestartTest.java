package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.KdPacket;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A target that announces a different stop instead of answering has rebooted under the host. */
class TargetRestartTest extends AbstractSessionTest {
    @Test
    void aNewStopInsteadOfAnAnswerIsARestartNotARetry() throws Exception {
        connect();
        Future<GetVersion64> first = onHost(client::getVersion);
        target.respond(target.expectRequest(dev.poolhit.kd.protocol.ManipulateApi.GET_VERSION), 0, WIN81,
                new byte[0], 0x80800001);
        await(first);
        Future<GetVersion64> f = onHost(client::getVersion);
        target.expectData(PacketType.STATE_MANIPULATE, true);
        // the rebooted target's kdcom starts over (sync id) and stops at its boot break-in
        target.sendAcked(ScriptedTarget.breakpointAt(PC + 0x40).toPacket(0x80800800));
        KdProtocolException e = assertInstanceOf(KdProtocolException.class, assertThrowsFrom(f));
        assertEquals("target announced StateChange64[EXCEPTION cpu=0 pc=0xfffff80002a8d4d0 extra=0 bytes] instead of"
                + " answering DbgKdGetVersionApi (0x3146), expected its current stop StateChange64[EXCEPTION cpu=0"
                + " pc=0xfffff80002a8d490 extra=0 bytes] again: it rebooted or restarted its debugger", e.getMessage());
        assertEquals(1, session.targetRestarts());
        assertEquals(SessionState.BROKEN, session.state());
        assertEquals(PC + 0x40, session.lastStateChange().programCounter());
    }

    @Test
    void aRequestThatCannotBeWrittenLeavesTheSessionDisconnected() throws Exception {
        connect();
        targetLink.close();
        pair.target().close(); // the cable is pulled: our next write fails
        Exception e = assertThrowsFrom(onHost(client::getVersion));
        assertInstanceOf(dev.poolhit.kd.protocol.LinkClosedException.class, e, e.getMessage());
        assertEquals(SessionState.DISCONNECTED, session.state());
        Exception next = assertThrowsFrom(onHost(client::getVersion)); // the link's error, not a programming error
        assertInstanceOf(dev.poolhit.kd.protocol.LinkClosedException.class, next, next.getMessage());
        assertEquals("link closed: cannot send DbgKdGetVersionApi (0x3146)", next.getMessage());
    }

    @Test
    void aContinueThatCannotBeWrittenLeavesTheSessionDisconnected() throws Exception {
        connect();
        targetLink.close();
        pair.target().close(); // the cable is pulled: the continue's write fails
        Exception e = assertThrowsFrom(onHost(() -> {
            client.continue2(0x00010002, false, 0);
            return null;
        }));
        assertInstanceOf(dev.poolhit.kd.protocol.LinkClosedException.class, e, e.getMessage());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }

    @Test
    void anAckedButUnansweredRequestIsAskedAgainWithAFreshId() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket ignored = target.expectRequest(dev.poolhit.kd.protocol.ManipulateApi.GET_VERSION); // ACKed, dropped
        clock.advanceWhenWaitingAtLeast(Duration.ofSeconds(KdSession.RESPONSE_PATIENCE_ACKS)); // past the ACK wait
        KdPacket again = target.expectRequest(dev.poolhit.kd.protocol.ManipulateApi.GET_VERSION);
        assertEquals(ignored.id() ^ 1, again.id());
        target.respond(again, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
        assertEquals(1, session.wireCounters().resends());
    }
}
