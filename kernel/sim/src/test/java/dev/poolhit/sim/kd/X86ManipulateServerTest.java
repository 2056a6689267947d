package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.Continue2X86Args;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateArgs;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.machine.MachineConfig;
import dev.poolhit.sim.machine.Ticker;
import org.junit.jupiter.api.Test;

/**
 * The x86 register and control-space APIs against a broken-in x86 machine (kd-protocol.md 12.3-12.5,
 * ROS-KDX86 rules): KPROCESSOR_STATE offsets, the 0x320 bounds, SetContext after GetContext only,
 * addresses by their low 32 bits, the x86 Continue2 Dr7.
 */
class X86ManipulateServerTest {
    private static final int OK = NtStatus.STATUS_SUCCESS.code();
    private static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();

    private final Machine machine = brokenIn();
    private final ManipulateServer server = new ManipulateServer(new MachineTarget(machine), 0x400);

    private static Machine brokenIn() {
        Machine m = Machine.boot(MachineConfig.DEFAULT.withArchitecture(Architecture.X86),
                ImageSet.fromClasspath(Architecture.X86), Ticker.system());
        m.requestBreakIn();
        assertTrue(m.run(10).isPresent());
        return m;
    }

    @Test
    void controlSpaceIsTheProcessorStateWithItsBounds() {
        ManipulateState eip = respond(ManipulateApi.READ_CONTROL_SPACE, new MemoryArgs(X86Register.EIP.offset(), 4, 0));
        assertEquals(OK, eip.returnStatus());
        assertEquals(machine.context(0).rip(), LittleEndian.u32(eip.data(), 0), "CONTEXT.Eip at offset 0xB8");
        ManipulateState tail = respond(ManipulateApi.READ_CONTROL_SPACE, new MemoryArgs(0x31c, 0x100, 0));
        assertEquals(4, MemoryArgs.of(tail).actualBytes(), "a read is clamped at 0x320");
        assertEquals(FAIL, respond(ManipulateApi.READ_CONTROL_SPACE, new MemoryArgs(0x320, 4, 0)).returnStatus());
        byte[] dr0 = new byte[4];
        LittleEndian.put32(dr0, 0, 0x82801300L);
        assertEquals(OK, handle(ManipulateState.request(ManipulateApi.WRITE_CONTROL_SPACE, 0,
                new MemoryArgs(0x2dc, 4, 0), dr0)).returnStatus());
        assertEquals(0x82801300L, machine.specialRegisters(0).kernelDr0(), "KernelDr0 at 0x2CC + 0x10");
        assertEquals(FAIL, handle(ManipulateState.request(ManipulateApi.WRITE_CONTROL_SPACE, 0,
                new MemoryArgs(0x31e, 4, 0), new byte[4])).returnStatus(), "a write may not cross 0x320");
    }

    @Test
    void contextApisUseTheX86Context() {
        X86Context none = X86Context.empty(X86Context.CONTEXT_ALL);
        assertEquals(FAIL, handle(ManipulateState.request(ManipulateApi.SET_CONTEXT, 0,
                new ContextArgs(X86Context.CONTEXT_ALL), none.encode())).returnStatus(), "no GetContext yet");
        ManipulateState get = respond(ManipulateApi.GET_CONTEXT, new ContextArgs(0));
        assertEquals(X86Context.BYTES, get.data().length);
        X86Context c = new X86Context(get.data());
        assertEquals(0x0001003f, c.get(X86Register.CONTEXT_FLAGS));
        assertEquals(0x08, c.get(X86Register.SEG_CS));
        ManipulateState slice = respond(ManipulateApi.GET_CONTEXT_EX, new ContextExArgs(0xb4, 8, 0));
        assertEquals(c.ebp(), LittleEndian.u32(slice.data(), 0));
        assertEquals(c.eip(), LittleEndian.u32(slice.data(), 4));
        byte[] stepped = c.with(X86Register.EIP, c.eip() + 1).encode();
        assertEquals(OK, handle(ManipulateState.request(ManipulateApi.SET_CONTEXT, 0,
                new ContextArgs(X86Context.CONTEXT_ALL), stepped)).returnStatus());
        assertEquals(c.eip() + 1, machine.context(0).rip());
    }

    @Test
    void addressesCountByTheirLow32BitsAndContinue2TakesTheX86Dr7() {
        long nt = 0x82800000L;
        ManipulateState mz = respond(ManipulateApi.READ_VIRTUAL_MEMORY, new MemoryArgs(0xffffffff00000000L | nt, 2, 0));
        assertEquals(OK, mz.returnStatus());
        assertEquals(0xffffffff82800000L, MemoryArgs.of(mz).targetBaseAddress(), "the request's address is echoed");
        assertEquals(0x5a4d, LittleEndian.u16(mz.data(), 0));
        ManipulateState bp = respond(ManipulateApi.WRITE_BREAKPOINT, new BreakpointArgs(0xffffffff82801000L, 0));
        assertEquals(OK, bp.returnStatus());
        byte[] b = new byte[1];
        machine.readVirtual(0x82801000L, b, 0, 1);
        assertEquals((byte) 0xcc, b[0]);
        Outcome go = server.handle(ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                Continue2X86Args.of(NtStatus.DBG_CONTINUE.code(), true, 0x401), new byte[0]));
        Outcome.Resume resume = assertInstanceOf(Outcome.Resume.class, go);
        assertEquals(0x401, resume.dr7());
        assertTrue(resume.trace());
    }

    private ManipulateState respond(ManipulateApi api, ManipulateArgs args) {
        return handle(ManipulateState.request(api, 0, args, new byte[0]));
    }

    private ManipulateState handle(ManipulateState request) {
        return assertInstanceOf(Outcome.Respond.class, server.handle(request)).response();
    }
}
