package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.LinkEvent;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A running target ignores RESETs: while it stays silent, each repeated RESET carries a new break-in. */
class ConnectBreakInTest extends AbstractSessionTest {
    @Test
    void aSilentTargetGetsTheBreakInAgainWithEachReset() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60), true));
        target.expectControl(PacketType.RESET, 0);               // the first break-in was lost on the line
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        assertInstanceOf(LinkEvent.BreakIn.class, target.nextEvent());
        target.expectControl(PacketType.RESET, 0);
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800800));
        assertEquals(PC, await(f).programCounter());
    }

    @Test
    void aPrintWithoutAStopAfterSyncGetsTheBreakInAgainAfterAQuietInterval() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60), true));
        target.expectControl(PacketType.RESET, 0);
        target.sendAcked(dev.poolhit.kd.protocol.DebugIo.print(0, "booting\n").toPacket(0x80800800));
        clock.advanceWhenWaiting(Duration.ofSeconds(1));        // running, silent: the break-in was lost
        assertInstanceOf(LinkEvent.BreakIn.class, target.nextEvent());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800001));
        assertEquals(PC, await(f).programCounter());
        assertEquals(java.util.List.of("booting\n"), prints);
    }
}
