package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateArgs;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.SpecialRegister;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Each typed call's request payload against hand-written golden bytes from the layouts in
 * kd-protocol.md 4.1 (the APIs the LEK capture does not contain, plus the context and control
 * space calls), then the decoded answer.
 */
class KdClientRequestBytesTest extends AbstractSessionTest {
    static final long ADDRESS = 0xfffff80000001000L;
    /** ApiNumber, ProcessorLevel 0, Processor 0, ReturnStatus STATUS_PENDING, padding. */
    static final String HEAD = " 0000 0000 03010000 00000000 ";
    int targetId = 0x80800001;

    <T> T call(Callable<T> hostCall, ManipulateApi api, String golden, int status, ManipulateArgs args, byte[] data)
            throws Exception {
        Future<T> f = onHost(hostCall);
        KdPacket request = target.expectRequest(api);
        assertArrayEquals(Hex.decode(golden), request.payload(), api.toString());
        target.respond(request, status, args, data, targetId);
        targetId ^= 1;
        return await(f);
    }

    static String zeros(int n) {
        return "00".repeat(n);
    }

    @Test
    void memoryCalls() throws Exception {
        connect();
        call(() -> {
            client.writeVirtual(ADDRESS, new byte[] {(byte) 0x90, (byte) 0xcc});
            return null;
        }, ManipulateApi.WRITE_VIRTUAL_MEMORY, "3131 0000" + HEAD
                + "0010000000f8ffff   # TargetBaseAddress\n"
                + "02000000 00000000  # TransferCount 2, ActualBytesWritten 0\n" + zeros(24) + " 90cc   # data",
                0, new MemoryArgs(ADDRESS, 2, 2), new byte[0]);
        byte[] got = call(() -> client.readPhysical(0x1ab000, 8, 2), ManipulateApi.READ_PHYSICAL_MEMORY,
                "3d31 0000" + HEAD + "00b01a0000000000 08000000 02000000  # address, count 8, caching 2 = uncached\n"
                        + zeros(24), 0, new MemoryArgs(0x1ab000, 8, 8), Hex.decode("0102030405060708"));
        assertArrayEquals(Hex.decode("0102030405060708"), got);
    }

    @Test
    void breakpointCalls() throws Exception {
        connect();
        int handle = call(() -> client.writeBreakpoint(0xfffff80002a8d490L), ManipulateApi.WRITE_BREAKPOINT,
                "3431 0000" + HEAD + "90d4a80200f8ffff 00000000  # BreakPointAddress, handle out\n" + zeros(28),
                0, new BreakpointArgs(0xfffff80002a8d490L, 1), new byte[0]);
        assertEquals(1, handle);
        call(() -> {
            client.restoreBreakpoint(1);
            return null;
        }, ManipulateApi.RESTORE_BREAKPOINT, "3531 0000" + HEAD + "01000000 " + zeros(36), 0, null, new byte[0]);
        Future<Object> clear = onHost(() -> {
            client.clearAllInternalBreakpoints();
            return null;
        });
        KdPacket c = target.expectRequest(ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS);
        assertArrayEquals(Hex.decode("5a31 0000" + HEAD + zeros(40)), c.payload());
        await(clear);
        assertEquals(SessionState.BROKEN, session.state());
    }

    @Test
    void contextCalls() throws Exception {
        connect();
        Amd64Context context = Amd64Context.empty(0x10001b).with(Amd64Register.RIP, 0xfffff80002a8d490L);
        Amd64Context got = call(() -> client.getContext(0), ManipulateApi.GET_CONTEXT,
                "3231 0000" + HEAD + zeros(40), 0, null, context.encode());
        assertEquals(context, got);
        byte[] slice = call(() -> client.getContextEx(0, 0, 0x4d0), ManipulateApi.GET_CONTEXT_EX,
                "5f31 0000" + HEAD + "00000000 d0040000 00000000  # Offset 0, ByteCount 0x4d0, BytesCopied\n"
                        + zeros(28), 0, new ContextExArgs(0, 0x4d0, 0x4d0), context.encode());
        assertArrayEquals(context.encode(), slice);
        call(() -> {
            client.setContext(0, context);
            return null;
        }, ManipulateApi.SET_CONTEXT, "3331 0000" + HEAD + "1b001000  # ContextFlags\n" + zeros(36)
                + Hex.bytes(context.encode()), 0, null, new byte[0]);
        call(() -> {
            client.setContextEx(0, 0x78, Hex.decode("1122334455667788"));
            return null;
        }, ManipulateApi.SET_CONTEXT_EX, "6031 0000" + HEAD + "78000000 08000000 00000000  # Offset Rax, 8 bytes\n"
                + zeros(28) + "1122334455667788", 0, new ContextExArgs(0x78, 8, 8), new byte[0]);
    }

    @Test
    void controlSpaceAndContinue() throws Exception {
        connect();
        KSpecialRegisters special = KSpecialRegisters.empty().with(SpecialRegister.CR3, 0x1ab000);
        KSpecialRegisters got = call(() -> client.readSpecialRegisters(0), ManipulateApi.READ_CONTROL_SPACE,
                "3731 0000" + HEAD + "0200000000000000 e0000000 00000000  # selector 2 KSPECIAL, 0xe0 bytes\n"
                        + zeros(24), 0, new MemoryArgs(2, 0xe0, 0xe0), special.encode());
        assertEquals(special, got);
        call(() -> {
            client.writeSpecialRegisters(0, special);
            return null;
        }, ManipulateApi.WRITE_CONTROL_SPACE, "3831 0000" + HEAD + "0200000000000000 e0000000 00000000\n"
                + zeros(24) + Hex.bytes(special.encode()), 0, new MemoryArgs(2, 0xe0, 0xe0), new byte[0]);
        Future<Object> go = onHost(() -> {
            client.continueTarget(0x10001);
            return null;
        });
        KdPacket c = target.expectRequest(ManipulateApi.CONTINUE);
        assertArrayEquals(Hex.decode("3631 0000" + HEAD + "01000100  # DBG_EXCEPTION_HANDLED\n" + zeros(36)),
                c.payload());
        await(go);
        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void unknownPacketTypesAreAckedAndSkipped() throws Exception {
        connect();
        Future<Object> go = onHost(() -> {
            client.continue2(0x10002, true, 0x401);
            return null;
        });
        KdPacket c2 = target.expectRequest(ManipulateApi.CONTINUE2);
        assertEquals(1, dev.poolhit.kd.protocol.Continue2Args.of(ManipulateState.decode(c2.payload())).traceFlag());
        await(go);
        Future<dev.poolhit.kd.protocol.StateChange64> stop = onHost(() -> session.awaitStateChange(
                java.time.Duration.ofSeconds(60)));
        target.sendAcked(new KdPacket(dev.poolhit.kd.protocol.Leader.DATA, 0x42, 0x80800001, new byte[] {1, 2, 3}));
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800000));
        assertEquals(PC, await(stop).programCounter());
    }
}
