package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.InProcessPipe;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.ManualClock;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted conversations (style-anchors 2.4): lost ACK, RESEND, duplicates, RESET, timeouts,
 * break-in from another thread, prints and file requests.
 */
class KdSessionTest extends AbstractSessionTest {
    @Test
    void getVersionSendsTheGoldenRequestAndDecodesTheAnswer() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket request = target.expectRequest(ManipulateApi.GET_VERSION);
        assertArrayEquals(Hex.decode("""
                30 30 30 30   # data leader
                02 00         # STATE_MANIPULATE
                38 00         # 56 bytes
                00 00 80 80   # id 0x80800000: first host packet after sync
                7b 00 00 00   # checksum 0x46+0x31+0x03+0x01
                46 31 00 00   # ApiNumber DbgKdGetVersionApi
                00 00 00 00   # ProcessorLevel, Processor
                03 01 00 00   # ReturnStatus STATUS_PENDING, as WinDbg fills it
                00 00 00 00   # padding
                00000000000000000000000000000000 00000000000000000000000000000000 0000000000000000  # union
                aa            # trailer
                """), KdcomEncoder.encode(request));
        target.respond(request, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
    }

    @Test
    void readVirtualIsChunkedToThePacketLimit() throws Exception {
        connect();
        Future<byte[]> f = onHost(() -> client.readVirtual(0xfffff80000001000L, 5000));
        int id = 0x80800001;
        for (int expected : new int[] {3944, 1056}) {
            KdPacket request = target.expectRequest(ManipulateApi.READ_VIRTUAL_MEMORY);
            MemoryArgs args = MemoryArgs.of(dev.poolhit.kd.protocol.ManipulateState.decode(request.payload()));
            assertEquals(expected, args.transferCount());
            byte[] data = new byte[expected];
            data[0] = (byte) expected;
            target.respond(request, 0, new MemoryArgs(args.targetBaseAddress(), expected, expected), data, id);
            id ^= 1;
        }
        byte[] got = await(f);
        assertEquals(5000, got.length);
        assertEquals((byte) 3944, got[0]);
        assertEquals((byte) 1056, got[3944]);
    }

    @Test
    void failingStatusBecomesATypedError() throws Exception {
        connect();
        Future<byte[]> f = onHost(() -> client.readVirtual(0xfffff80000001000L, 16));
        KdPacket request = target.expectRequest(ManipulateApi.READ_VIRTUAL_MEMORY);
        target.respond(request, 0xC0000001, new MemoryArgs(0xfffff80000001000L, 16, 0), new byte[0], 0x80800001);
        KdStatusException e = assertInstanceOf(KdStatusException.class, assertThrowsFrom(f));
        assertEquals("DbgKdReadVirtualMemoryApi (0x3130) at fffff800`00001000 (0x10 bytes), read 0 failed: "
                + "STATUS_UNSUCCESSFUL (0xc0000001)", e.getMessage());
        assertEquals(0xC0000001, e.status());
    }

    @Test
    void lostAckMakesTheHostResendTheSamePacket() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket first = target.expectData(PacketType.STATE_MANIPULATE, false);
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        KdPacket again = target.expectData(PacketType.STATE_MANIPULATE, true);
        assertEquals(first, again);
        target.respond(again, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
    }

    @Test
    void resendFromThePeerRepeatsTheLastPacket() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket first = target.expectData(PacketType.STATE_MANIPULATE, false);
        target.send(KdPacket.resend());
        KdPacket again = target.expectData(PacketType.STATE_MANIPULATE, true);
        assertEquals(first, again);
        target.respond(again, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
    }

    @Test
    void noAckAfterBoundedRetriesIsATimeout() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket first = target.expectData(PacketType.STATE_MANIPULATE, false);
        for (int retry = 0; retry < 3; retry++) {
            clock.advanceWhenWaiting(Duration.ofSeconds(1));
            assertEquals(first, target.expectData(PacketType.STATE_MANIPULATE, false));
        }
        clock.advanceWhenWaiting(Duration.ofSeconds(1));
        KdTimeoutException e = assertInstanceOf(KdTimeoutException.class, assertThrowsFrom(f));
        assertEquals("no ACK for STATE_MANIPULATE id 0x80800000 DbgKdGetVersionApi (0x3146) len 56 after 3 retries "
                + "(ACK timeout 1000 ms)", e.getMessage());
    }

    @Test
    void duplicateStateChangeIsDeliveredOnce() throws Exception {
        connect();
        Future<Object> cont = onHost(() -> {
            client.continue2(NtStatus.DBG_CONTINUE.code(), false, 0x400);
            return null;
        });
        KdPacket c2 = target.expectRequest(ManipulateApi.CONTINUE2);
        assertArrayEquals(Hex.decode("""
                3c 31 00 00  0000 0000  03 01 00 00  00 00 00 00   # DbgKdContinueApi2, STATUS_PENDING
                02 00 01 00   # ContinueStatus DBG_CONTINUE
                00 00 00 00   # TraceFlag 0
                00 04 00 00 00 00 00 00   # Dr7 0x400
                01 00 00 00 00 00 00 00   # CurrentSymbolStart 1 (no range)
                00 00 00 00 00 00 00 00   # CurrentSymbolEnd 0
                00 00 00 00 00 00 00 00   # unused
                """), c2.payload());
        await(cont);
        assertEquals(SessionState.RUNNING, session.state());
        Future<StateChange64> stop = onHost(() -> session.awaitStateChange(Duration.ofSeconds(60)));
        KdPacket change = ScriptedTarget.breakpointAt(PC + 1).toPacket(0x80800001);
        target.sendAcked(change);
        assertEquals(PC + 1, await(stop).programCounter());
        Future<StateChange64> second = onHost(() -> session.awaitStateChange(Duration.ofSeconds(5)));
        target.sendAcked(change);   // our ACK "got lost": the target repeats the same packet
        clock.advanceWhenWaiting(Duration.ofSeconds(5));
        KdTimeoutException e = assertInstanceOf(KdTimeoutException.class, assertThrowsFrom(second));
        assertEquals("no state change within 5000 ms", e.getMessage());
    }

    @Test
    void resetMidSessionRestartsIdsAndRepeatsTheRequest() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        target.respond(target.expectRequest(ManipulateApi.GET_VERSION), 0, WIN81, new byte[0], 0x80800001);
        await(f);
        Future<GetVersion64> g = onHost(client::getVersion);
        assertEquals(0x80800001, target.expectData(PacketType.STATE_MANIPULATE, false).id());
        target.send(KdPacket.reset());
        assertEquals(0x80800000, target.expectData(PacketType.STATE_MANIPULATE, true).id());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000)); // target re-reports its stop
        KdPacket repeated = target.expectRequest(ManipulateApi.GET_VERSION);
        assertEquals(0x80800001, repeated.id());
        target.respond(repeated, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(g));
    }

    @Test
    void answerInsteadOfAckCountsAsDelivered() throws Exception {
        connect();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket request = target.expectData(PacketType.STATE_MANIPULATE, false);
        target.respond(request, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
    }

    @Test
    void breakInFromAnotherThreadWhileWaitingForAStop() throws Exception {
        connect();
        Future<Object> cont = onHost(() -> {
            client.continue2(NtStatus.DBG_CONTINUE.code(), false, 0x400);
            return null;
        });
        target.expectRequest(ManipulateApi.CONTINUE2);
        await(cont);
        Future<StateChange64> stop = onHost(() -> session.awaitStateChange(Duration.ofSeconds(60)));
        client.breakIn();   // the test thread, not the host executor
        assertInstanceOf(LinkEvent.BreakIn.class, target.nextEvent());
        target.sendAcked(ScriptedTarget.breakpointAt(0xfffff80002a80000L).toPacket(0x80800001));
        assertEquals(0xfffff80002a80000L, await(stop).programCounter());
        assertEquals(SessionState.BROKEN, session.state());
    }

    @Test
    void printsAreDeliveredAndFileRequestsRefused() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60)));
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset());
        target.sendAcked(DebugIo.print(0, "BD: Boot Debugger Initialized\n").toPacket(0x80800800));
        byte[] name = "\\Windows\\x.dll".getBytes(StandardCharsets.UTF_16LE);
        target.sendAcked(new FileIo(0x3430, 0, new byte[FileIo.UNION_BYTES], name).toPacket(0x80800001));
        KdPacket reply = target.expectData(PacketType.FILE_IO, true);
        assertEquals(FileIo.reply(0x3430, 0xC000000F), FileIo.decode(reply.payload()));
        assertEquals(0x80800000, reply.id());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000));
        assertEquals(PC, await(f).programCounter());
        assertEquals(List.of("BD: Boot Debugger Initialized\n"), prints);
        assertEquals(List.of("\\Windows\\x.dll"), files);
    }


    @Test
    void breakInWhileBrokenSendsNothing() throws Exception {
        connect();
        client.breakIn();
        Future<GetVersion64> f = onHost(client::getVersion);
        KdPacket first = target.next(); // not a BreakIn event
        assertEquals(PacketType.STATE_MANIPULATE.value(), first.type());
        targetLink.send(KdPacket.ack(first.id()));
        target.respond(first, 0, WIN81, new byte[0], 0x80800001);
        assertEquals(WIN81, await(f));
    }
}
