package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A continue the wire cannot confirm (#10): its ACK lost while the target already runs, or the
 * packet ACKed and dropped by a target that stays stopped. The host probes with RESET instead of
 * failing or waiting forever.
 */
class ContinueGuardTest extends AbstractSessionTest {
    private static final Duration ACK = Duration.ofSeconds(1);

    @Test
    void aContinueWhoseAckIsLostIsConfirmedBySilenceOnReset() throws Exception {
        connect();
        Future<Void> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return null;
        });
        KdPacket first = target.expectData(PacketType.STATE_MANIPULATE, false); // taken; its ACK is lost
        for (int resend = 0; resend < 3; resend++) {
            clock.advanceWhenWaiting(ACK);
            assertEquals(first.id(), target.expectData(PacketType.STATE_MANIPULATE, false).id()); // running: ignored
        }
        clock.advanceWhenWaiting(ACK);
        target.expectControl(PacketType.RESET, 0); // the probe; a running target ignores it
        clock.advanceWhenWaiting(ACK.multipliedBy(2));
        await(f);
        assertEquals(SessionState.RUNNING, session.state());

        Future<StateChange64> stop = onHost(() -> client.awaitStateChange(Duration.ofSeconds(30)));
        target.sendAcked(ScriptedTarget.breakpointAt(PC + 0x10).toPacket(0x80800001));
        assertEquals(PC + 0x10, await(stop).programCounter());
    }

    /**
     * A continue ACKed and dropped: the silence probe makes the target repeat the continued stop, which
     * goes up marked (echo or a new stop just like it: the caller decides with the live context) and
     * is not answered with a continue here. The caller's continue then uses the ids the RESET restarted.
     */
    @Test
    void aRepeatOfTheContinuedStopAfterASilenceProbeGoesUpMarkedAndNothingIsResent() throws Exception {
        connect();
        Future<ReportedStop> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return client.awaitStop(Duration.ofSeconds(60));
        });
        target.expectData(PacketType.STATE_MANIPULATE, true); // ACKed, but its type byte was flipped: dropped
        clock.advanceWhenWaitingAtLeast(Duration.ofSeconds(ContinueGuard.SILENCE_PROBE_RESETS)); // in the stop wait
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset()); // still in the debugger loop: answers and repeats its stop
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000));
        ReportedStop repeat = await(f);
        assertEquals(PC, repeat.change().programCounter());
        assertTrue(repeat.repeatsContinuedStop());
        assertEquals(SessionState.BROKEN, session.state());

        Future<StateChange64> next = onHost(() -> {
            client.continue2(0x00010001, false, 0); // the caller found it was the echo
            return client.awaitStateChange(Duration.ofSeconds(60));
        });
        KdPacket again = target.expectRequest(ManipulateApi.CONTINUE2);
        assertEquals(KdPacket.INITIAL_PACKET_ID, again.id()); // ids restarted by the RESET
        target.sendAcked(ScriptedTarget.breakpointAt(PC + 0x20).toPacket(0x80800001));
        assertEquals(PC + 0x20, await(next).programCounter());
    }

    /** Without a probe a stop like the continued one is simply the next stop: the target ran and hit it again. */
    @Test
    void aStopLikeTheContinuedOneWithoutAProbeIsNotMarked() throws Exception {
        connect();
        Future<ReportedStop> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return client.awaitStop(Duration.ofSeconds(60));
        });
        target.expectRequest(ManipulateApi.CONTINUE2);
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800001));
        ReportedStop stop = await(f);
        assertEquals(PC, stop.change().programCounter());
        assertFalse(stop.repeatsContinuedStop());
    }

    /**
     * A new stop just like the continued one whose first announcement was mangled (ACKed and skipped):
     * the silence probe brings it back, marked; the session neither swallows it nor continues it.
     */
    @Test
    void aMangledNewStopLikeTheContinuedOneComesBackMarkedAfterTheProbe() throws Exception {
        connect();
        Future<ReportedStop> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return client.awaitStop(Duration.ofSeconds(60));
        });
        target.expectRequest(ManipulateApi.CONTINUE2);
        KdPacket stop = ScriptedTarget.breakpointAt(PC).toPacket(0x80800001);
        target.sendAcked(new KdPacket(stop.leader(), stop.type() ^ 0x40, stop.id(), stop.payload())); // type flipped
        clock.advanceWhenWaitingAtLeast(Duration.ofSeconds(ContinueGuard.SILENCE_PROBE_RESETS));
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000));
        ReportedStop repeat = await(f);
        assertTrue(repeat.repeatsContinuedStop());
        assertEquals(SessionState.BROKEN, session.state());
    }

    @Test
    void aNewStopDuringTheProbeIsReportedNotResent() throws Exception {
        connect();
        Future<StateChange64> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return client.awaitStateChange(Duration.ofSeconds(60));
        });
        KdPacket first = target.expectData(PacketType.STATE_MANIPULATE, false);
        for (int resend = 0; resend < 3; resend++) {
            clock.advanceWhenWaiting(ACK);
            assertEquals(first.id(), target.expectData(PacketType.STATE_MANIPULATE, false).id());
        }
        clock.advanceWhenWaiting(ACK);
        target.expectControl(PacketType.RESET, 0);
        target.sendAcked(ScriptedTarget.breakpointAt(PC + 0x30).toPacket(0x80800001)); // it ran and stopped again
        assertEquals(PC + 0x30, await(f).programCounter());
        assertEquals(SessionState.BROKEN, session.state());
    }

    @Test
    void aTargetThatKeepsAnsweringResetButNeverAcksTheContinueIsAFailure() throws Exception {
        connect();
        Future<Void> f = onHost(() -> {
            client.continue2(0x00010001, false, 0);
            return null;
        });
        target.expectData(PacketType.STATE_MANIPULATE, false);
        for (int round = 0; round <= ContinueGuard.CONFIRM_ROUNDS; round++) {
            for (int resend = 0; resend < 3; resend++) {
                clock.advanceWhenWaiting(ACK);
                target.expectData(PacketType.STATE_MANIPULATE, false);
            }
            clock.advanceWhenWaiting(ACK);
            if (round == ContinueGuard.CONFIRM_ROUNDS) {
                break;
            }
            target.expectControl(PacketType.RESET, 0);
            target.send(KdPacket.reset());
            target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000));
            target.expectData(PacketType.STATE_MANIPULATE, false); // the continue again, lost again
        }
        KdTimeoutException e = assertInstanceOf(KdTimeoutException.class, assertThrowsFrom(f));
        assertEquals("DbgKdContinueApi2 (0x313c) did not reach the target: no ACK after 3 retries (ACK timeout 1000 ms),"
                + " and it still answers RESET (stopped) after 3 probes", e.getMessage());
        assertEquals(SessionState.BROKEN, session.state());
    }
}
