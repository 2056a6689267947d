package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link KdSession#wireCounters()}: each reliability event the pump handles is counted once. */
class WireCountersTest extends AbstractSessionTest {
    @Test
    void connectCountsOneResetAndOneDeliveredStop() throws Exception {
        connect();
        // the host's RESET and the target's RESET reply are one resynchronisation each
        assertEquals(new WireCounters(1, 0, 0, 0, 0, 2), session.wireCounters());
    }

    @Test
    void aLostAckAndAPeerResendAreCountedAsResends() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        target.expectData(PacketType.STATE_MANIPULATE, false);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));        // ACK timeout: resend 1
        target.expectData(PacketType.STATE_MANIPULATE, false);
        target.send(KdPacket.resend());                          // target asks: resend 2
        KdPacket again = target.expectData(PacketType.STATE_MANIPULATE, true);
        target.respond(again, 0, WIN81, new byte[0], 0x80800001);
        await(f);
        WireCounters c = session.wireCounters();
        assertEquals(2, c.resends());
        assertEquals(2, c.packetsDelivered());
    }

    @Test
    void aBadChecksumIsCountedAndAnsweredWithResend() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket request = target.expectRequest(ManipulateApi.GET_VERSION);
        byte[] answer = KdcomEncoder.encode(dev.poolhit.kd.protocol.ManipulateState.decode(request.payload())
                .respond(0, WIN81, new byte[0]).toPacket(0x80800001));
        answer[20] ^= 0x40;                                      // one payload byte flipped on the line
        pair.target().write(answer, 0, answer.length);
        target.expectControl(PacketType.RESEND, 0);
        target.respond(request, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
        assertEquals(1, session.wireCounters().badChecksums());
        assertEquals(0, session.wireCounters().framingErrors());
    }

    @Test
    void aRepeatedStateChangeIsCountedAsADuplicateDropped() throws Exception {
        connect();
        Future<Object> cont = onHost(() -> {
            client.continue2(NtStatus.DBG_CONTINUE.code(), false, 0);
            return null;
        });
        target.expectRequest(ManipulateApi.CONTINUE2);
        await(cont);
        Future<StateChange64> stop = onHost(() -> session.awaitStateChange(Duration.ofSeconds(60)));
        KdPacket change = ScriptedTarget.breakpointAt(PC + 1).toPacket(0x80800001);
        target.sendAcked(change);
        await(stop);
        Future<StateChange64> second = onHost(() -> session.awaitStateChange(Duration.ofSeconds(5)));
        target.sendAcked(change);                                // our ACK "got lost": the same packet again
        clock.advanceWhenWaiting(Duration.ofSeconds(5));
        assertEquals("no state change within 5000 ms", assertThrowsFrom(second).getMessage());
        assertEquals(1, session.wireCounters().duplicatesDropped());
        assertEquals("2 packets in, 0 resent, 0 bad checksums, 0 other framing errors, 1 duplicates dropped,"
                + " 2 resets", session.wireCounters().summary());
    }
}
