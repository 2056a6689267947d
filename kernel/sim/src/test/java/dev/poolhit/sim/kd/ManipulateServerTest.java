package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateArgs;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.RestoreBreakpointArgs;
import dev.poolhit.kd.protocol.SpecialRegister;
import org.junit.jupiter.api.Test;

/** Status codes and output fields per manipulate API, against the hand-checkable fake machine. */
class ManipulateServerTest {
    private static final int OK = NtStatus.STATUS_SUCCESS.code();
    private static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();

    private final FakeMachine fake = new FakeMachine();
    private final ManipulateServer server = new ManipulateServer(fake, 0x400);

    @Test
    void readVirtualClampsToOnePacketAndReportsPartialReads() {
        ManipulateState whole = respond(ManipulateApi.READ_VIRTUAL_MEMORY, new MemoryArgs(FakeMachine.MEMORY, 0x10000, 0));
        assertEquals(FAIL, whole.returnStatus(), "only 0x100 bytes are mapped");
        assertEquals(FakeMachine.MEMORY_SIZE, MemoryArgs.of(whole).actualBytes());
        assertEquals(0x10000, MemoryArgs.of(whole).transferCount());
        ManipulateState unmapped = respond(ManipulateApi.READ_VIRTUAL_MEMORY, new MemoryArgs(0x1000, 4, 0));
        assertEquals(FAIL, unmapped.returnStatus());
        assertEquals(0, unmapped.data().length);
        ManipulateState ok = respond(ManipulateApi.READ_VIRTUAL_MEMORY, new MemoryArgs(FakeMachine.RIP, 2, 0));
        assertEquals(OK, ok.returnStatus());
        assertArrayEquals(new byte[] {(byte) 0xcc, (byte) 0xc3}, ok.data());
        assertEquals(ManipulateState.MAX_DATA, ManipulateServer.clampToPacket(-1));
    }

    @Test
    void writeVirtualReportsBytesWritten() {
        ManipulateState r = handle(ManipulateState.request(ManipulateApi.WRITE_VIRTUAL_MEMORY, 0,
                new MemoryArgs(FakeMachine.MEMORY + 0xfe, 4, 0), new byte[] {1, 2, 3, 4}));
        assertEquals(FAIL, r.returnStatus());
        assertEquals(2, MemoryArgs.of(r).actualBytes());
        assertEquals(1, fake.memory[0xfe]);
    }

    @Test
    void physicalMemoryIsNotThere() {
        ManipulateState r = respond(ManipulateApi.READ_PHYSICAL_MEMORY, new MemoryArgs(0x1000, 16, 0));
        assertEquals(FAIL, r.returnStatus());
        assertEquals(0, MemoryArgs.of(r).actualBytes());
    }

    @Test
    void setContextNeedsAGetContextInThisBreak() {
        Amd64Context changed = RegisterCodec.encode(fake.context).with(Amd64Register.RIP, FakeMachine.RIP + 1);
        ManipulateState set = ManipulateState.request(ManipulateApi.SET_CONTEXT, 0,
                new ContextArgs(Amd64Context.CONTEXT_ALL), changed.encode());
        assertEquals(FAIL, handle(set).returnStatus());
        ManipulateState get = respond(ManipulateApi.GET_CONTEXT, new ContextArgs(0));
        assertEquals(Amd64Context.BYTES, get.data().length);
        assertEquals(OK, handle(set).returnStatus());
        assertEquals(FakeMachine.RIP + 1, fake.context.rip());
        assertEquals(FAIL, handle(ManipulateState.request(ManipulateApi.GET_CONTEXT, 1, new ContextArgs(0),
                new byte[0])).returnStatus(), "processor 1 does not exist");
    }

    @Test
    void contextExSlices() {
        ManipulateState r = respond(ManipulateApi.GET_CONTEXT_EX, new ContextExArgs(0xF8, 0x1000, 0));
        assertEquals(OK, r.returnStatus());
        assertEquals(Amd64Context.BYTES - 0xF8, ContextExArgs.of(r).bytesCopied());
        assertEquals(FakeMachine.RIP, LittleEndian.u64(r.data(), 0));
        byte[] rax = new byte[8];
        LittleEndian.put64(rax, 0, 0x1234);
        ManipulateState set = handle(ManipulateState.request(ManipulateApi.SET_CONTEXT_EX, 0,
                new ContextExArgs(Amd64Register.RAX.offset(), 8, 0), rax));
        assertEquals(OK, set.returnStatus());
        assertEquals(0x1234, fake.context.rax());
        assertEquals(FAIL, respond(ManipulateApi.GET_CONTEXT_EX, new ContextExArgs(0x4D1, 1, 0)).returnStatus());
    }

    @Test
    void controlSpaceSelectors() {
        assertEquals(FakeMachine.KPCR, LittleEndian.u64(respond(ManipulateApi.READ_CONTROL_SPACE,
                new MemoryArgs(0, 8, 0)).data(), 0));
        assertEquals(FakeMachine.KPCR + 0x180, LittleEndian.u64(respond(ManipulateApi.READ_CONTROL_SPACE,
                new MemoryArgs(1, 8, 0)).data(), 0));
        assertEquals(FakeMachine.THREAD, LittleEndian.u64(respond(ManipulateApi.READ_CONTROL_SPACE,
                new MemoryArgs(3, 8, 0)).data(), 0));
        ManipulateState special = respond(ManipulateApi.READ_CONTROL_SPACE, new MemoryArgs(2, 0xE0, 0));
        assertEquals(0xE0, special.data().length);
        assertEquals(FAIL, respond(ManipulateApi.READ_CONTROL_SPACE, new MemoryArgs(4, 8, 0)).returnStatus());

        byte[] block = new KSpecialRegisters(special.data()).with(SpecialRegister.KERNEL_DR7, 0x401).encode();
        ManipulateState write = handle(ManipulateState.request(ManipulateApi.WRITE_CONTROL_SPACE, 0,
                new MemoryArgs(2, 0xE0, 0), block));
        assertEquals(OK, write.returnStatus());
        assertEquals(0x401, fake.special.kernelDr7());
        assertEquals(FAIL, handle(ManipulateState.request(ManipulateApi.WRITE_CONTROL_SPACE, 0,
                new MemoryArgs(0, 8, 0), new byte[8])).returnStatus(), "only selector 2 is writable");
    }

    @Test
    void breakpointTable() {
        ManipulateState first = respond(ManipulateApi.WRITE_BREAKPOINT, new BreakpointArgs(FakeMachine.MEMORY + 4, 0));
        assertEquals(OK, first.returnStatus());
        assertEquals(1, BreakpointArgs.of(first).handle());
        ManipulateState again = respond(ManipulateApi.WRITE_BREAKPOINT, new BreakpointArgs(FakeMachine.MEMORY + 4, 0));
        assertEquals(FAIL, again.returnStatus());
        assertEquals(0, BreakpointArgs.of(again).handle());
        assertEquals(OK, respond(ManipulateApi.RESTORE_BREAKPOINT, new RestoreBreakpointArgs(1)).returnStatus());
        assertEquals(FAIL, respond(ManipulateApi.RESTORE_BREAKPOINT, new RestoreBreakpointArgs(1)).returnStatus());
    }

    @Test
    void continuesAndRequestsWithoutResponse() {
        Outcome step = server.handle(ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                Continue2Args.of(NtStatus.DBG_CONTINUE.code(), true, 0x455), new byte[0]));
        assertEquals(new Outcome.Resume(true, 0x455), step);
        Outcome notHandled = server.handle(ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                Continue2Args.of(NtStatus.DBG_EXCEPTION_NOT_HANDLED.code(), true, 0x455), new byte[0]));
        assertEquals(new Outcome.Resume(false, 0x400), notHandled, "TraceFlag and Dr7 only with a success status");
        assertInstanceOf(Outcome.Silent.class, server.handle(ManipulateState.request(
                ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS, 0, null, new byte[0])));
        assertInstanceOf(Outcome.Reboot.class, server.handle(ManipulateState.request(ManipulateApi.REBOOT, 0, null,
                new byte[0])));
    }

    @Test
    void unknownAndUnsupportedApisComeBackUnsuccessful() {
        ManipulateState unknown = new ManipulateState(0x3199, 6, 0, NtStatus.STATUS_PENDING.code(), 0, new byte[40],
                new byte[0]);
        ManipulateState r = handle(unknown);
        assertEquals(0x3199, r.apiNumber());
        assertEquals(FAIL, r.returnStatus());
        assertEquals(FAIL, respond(ManipulateApi.SEARCH_MEMORY, null).returnStatus());
    }

    private ManipulateState respond(ManipulateApi api, ManipulateArgs args) {
        return handle(ManipulateState.request(api, 0, args, new byte[0]));
    }

    private ManipulateState handle(ManipulateState request) {
        return assertInstanceOf(Outcome.Respond.class, server.handle(request)).response();
    }
}
