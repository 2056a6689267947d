package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.ContinueArgs;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.Continue2X86Args;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.RestoreBreakpointArgs;
import dev.poolhit.kd.protocol.X86Pointers;
import dev.poolhit.sim.SimException;
import dev.poolhit.sim.kernel.KdVersion;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Serves manipulate requests against a {@link TargetMachine} with the status codes a Windows
 * target returns (kd-protocol.md 4.2, ROS-KD64 semantics): the request comes back with
 * ReturnStatus and output fields filled in. One instance per stop (the "context was read in this
 * break" rule lives in {@link ContextServer}). Machine failures become STATUS_UNSUCCESSFUL here, once.
 */
final class ManipulateServer {
    private static final System.Logger LOG = System.getLogger(ManipulateServer.class.getName());
    private static final int OK = NtStatus.STATUS_SUCCESS.code();
    private static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();

    private final TargetMachine machine;
    private final RegisterServer contexts;
    private final long currentDr7;
    /** A 32-bit target: addresses arrive sign-extended (use the low 32 bits), Continue2 has the x86 layout. */
    private final boolean x86;

    ManipulateServer(TargetMachine machine, long currentDr7) {
        this.machine = machine;
        this.x86 = machine.version().x86();
        this.contexts = x86 ? new X86ContextServer(machine) : new ContextServer(machine);
        this.currentDr7 = currentDr7;
    }

    /** The machine address a wire address names (x86: its low 32 bits, kd-protocol.md 12.1). */
    private long address(long wire) {
        return x86 ? X86Pointers.fromWire(wire) : wire;
    }

    Outcome handle(ManipulateState request) {
        try {
            return dispatch(request);
        } catch (SimException e) {
            LOG.log(System.Logger.Level.DEBUG, ManipulateApi.describe(request.apiNumber()) + " failed: " + e.getMessage());
            return unsuccessful(request);
        }
    }

    private Outcome dispatch(ManipulateState r) {
        ManipulateApi api = r.api().orElse(null);
        if (api == null) {
            return unsuccessful(r);
        }
        return switch (api) {
            case READ_VIRTUAL_MEMORY -> readVirtual(r);
            case WRITE_VIRTUAL_MEMORY -> writeVirtual(r);
            case READ_PHYSICAL_MEMORY, WRITE_PHYSICAL_MEMORY -> noPhysicalMemory(r);
            case GET_CONTEXT, SET_CONTEXT, GET_CONTEXT_EX, SET_CONTEXT_EX, READ_CONTROL_SPACE,
                 WRITE_CONTROL_SPACE -> new Outcome.Respond(contexts.handle(api, r));
            case WRITE_BREAKPOINT -> writeBreakpoint(r);
            case RESTORE_BREAKPOINT -> restoreBreakpoint(r);
            case GET_VERSION -> new Outcome.Respond(r.respond(OK, version(machine.version()), new byte[0]));
            case CONTINUE -> resume(ContinueArgs.of(r).continueStatus(), false, currentDr7);
            case CONTINUE2 -> x86 ? continue2(Continue2X86Args.of(r)) : continue2(Continue2Args.of(r));
            case CLEAR_ALL_INTERNAL_BREAKPOINTS -> new Outcome.Silent();
            case SWITCH_PROCESSOR -> new Outcome.Reannounce();
            case REBOOT, CAUSE_BUGCHECK -> new Outcome.Reboot();
            default -> unsuccessful(r);
        };
    }

    /** Reads at most one packet's worth; a partial read is STATUS_UNSUCCESSFUL with the bytes read. */
    private Outcome readVirtual(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        int length = clampToPacket(a.transferCount());
        byte[] buffer = new byte[length];
        int n = machine.readVirtual(address(a.targetBaseAddress()), buffer, 0, length);
        MemoryArgs out = new MemoryArgs(a.targetBaseAddress(), a.transferCount(), n);
        return new Outcome.Respond(r.respond(n == length ? OK : FAIL, out, Arrays.copyOf(buffer, n)));
    }

    private Outcome writeVirtual(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        int length = (int) Math.min(Integer.toUnsignedLong(a.transferCount()), r.data().length);
        int n = machine.writeVirtual(address(a.targetBaseAddress()), r.data(), 0, length);
        boolean complete = n == length && length == Integer.toUnsignedLong(a.transferCount());
        MemoryArgs out = new MemoryArgs(a.targetBaseAddress(), a.transferCount(), n);
        return new Outcome.Respond(r.respond(complete ? OK : FAIL, out, new byte[0]));
    }

    /** The simulated machine has no physical address space: nothing is ever transferred. */
    private Outcome noPhysicalMemory(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        return new Outcome.Respond(r.respond(FAIL, new MemoryArgs(a.targetBaseAddress(), a.transferCount(), 0),
                new byte[0]));
    }

    private Outcome writeBreakpoint(ManipulateState r) {
        BreakpointArgs a = BreakpointArgs.of(r);
        OptionalInt handle = machine.writeBreakpoint(address(a.address()));
        return new Outcome.Respond(r.respond(handle.isPresent() ? OK : FAIL,
                new BreakpointArgs(a.address(), handle.orElse(0)), new byte[0]));
    }

    private Outcome restoreBreakpoint(ManipulateState r) {
        boolean ok = machine.restoreBreakpoint(RestoreBreakpointArgs.of(r).handle());
        return new Outcome.Respond(r.respond(ok ? OK : FAIL, null, new byte[0]));
    }

    /** Only a success ContinueStatus applies TraceFlag and Dr7 (kd-protocol.md 4.2). */
    private Outcome continue2(Continue2Args a) {
        if (!NtStatus.isSuccess(a.continueStatus())) {
            return resume(a.continueStatus(), false, currentDr7);
        }
        return new Outcome.Resume(a.traceFlag() != 0, a.dr7());
    }

    /** The x86 control set (kd-protocol.md 12.5): Dr7 is a u32 at 0x18. */
    private Outcome continue2(Continue2X86Args a) {
        if (!NtStatus.isSuccess(a.continueStatus())) {
            return resume(a.continueStatus(), false, currentDr7);
        }
        return new Outcome.Resume(a.traceFlag() != 0, Integer.toUnsignedLong(a.dr7()));
    }

    /**
     * DBG_EXCEPTION_NOT_HANDLED would hand the exception to the kernel's own dispatcher; the
     * simulated kernel treats it as handled, so every continue resumes.
     */
    private static Outcome resume(int continueStatus, boolean trace, long dr7) {
        LOG.log(System.Logger.Level.TRACE, "continue with " + NtStatus.describe(continueStatus));
        return new Outcome.Resume(trace, dr7);
    }

    static Outcome unsuccessful(ManipulateState r) {
        return new Outcome.Respond(r.respond(FAIL, null, new byte[0]));
    }

    static int clampToPacket(int transferCount) {
        return (int) Math.min(Integer.toUnsignedLong(transferCount), ManipulateState.MAX_DATA);
    }

    static GetVersion64 version(KdVersion v) {
        return new GetVersion64(v.majorVersion(), v.minorVersion(), v.protocolVersion(), v.kdSecondaryVersion(),
                v.flags(), v.machineType(), v.maxPacketType(), v.maxStateChange(), v.maxManipulate(),
                v.simulation(), 0, v.kernBase(), v.psLoadedModuleList(), v.debuggerDataList());
    }
}
