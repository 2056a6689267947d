package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.Continue2X86Args;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateArgs;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.SpecialRegister;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.kd.protocol.X86SpecialRegister;
import dev.poolhit.kd.protocol.X86SpecialRegisters;
import dev.poolhit.kd.session.KdClient;
import java.time.Duration;

/**
 * The manipulate calls whose layout depends on the machine (kd-protocol.md 12.3-12.5): Continue2
 * (AMD64 {@code Continue2Args} or {@link Continue2X86Args}), and the x86 CONTEXT and special
 * registers, which {@link KdClient} only knows in their AMD64 form.
 */
final class MachineCalls {
    private final KdClient client;
    private final Arch arch;
    private final Duration timeout;

    MachineCalls(KdClient client, Arch arch, Duration timeout) {
        this.client = client;
        this.arch = arch;
        this.timeout = timeout;
    }

    /** DbgKdContinueApi2 without a step range and without hardware breakpoints; the target runs. */
    void continue2(int continueStatus, boolean trace) throws KdException {
        if (arch.x86()) {
            client.session().resume(ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                    Continue2X86Args.of(continueStatus, trace, Continue2X86Args.DR7_NONE), new byte[0]));
        } else {
            client.continue2(continueStatus, trace, 0);
        }
    }

    /** Sets a software breakpoint at a model address (sign-extended on the wire for x86). */
    int writeBreakpoint(long address) throws KdException {
        return client.writeBreakpoint(arch.toWire(address));
    }

    X86Context x86Context(int processor) throws KdException {
        ManipulateState r = call(ManipulateApi.GET_CONTEXT, processor, new ContextArgs(0), new byte[0]);
        return X86Context.decode(r.data());
    }

    void setX86Context(int processor, X86Context context) throws KdException {
        int flags = (int) context.get(X86Register.CONTEXT_FLAGS);
        call(ManipulateApi.SET_CONTEXT, processor, new ContextArgs(flags), context.encode());
    }

    /** KSPECIAL_REGISTERS of x86: control-space offset 0x2CC, 0x54 bytes (no selectors on x86). */
    X86SpecialRegisters x86SpecialRegisters(int processor) throws KdException {
        return X86SpecialRegisters.decode(client.readControlSpace(processor, X86SpecialRegisters.CONTROL_SPACE_OFFSET,
                X86SpecialRegisters.BYTES));
    }

    /** CR0-CR4 and KernelDr6/Dr7 from the processor's KSPECIAL_REGISTERS, in the machine's layout. */
    ControlRegisters controlRegisters(int processor) throws KdException {
        if (arch.x86()) {
            X86SpecialRegisters r = x86SpecialRegisters(processor);
            return new ControlRegisters(r.get(X86SpecialRegister.CR0), r.get(X86SpecialRegister.CR2),
                    r.get(X86SpecialRegister.CR3), r.get(X86SpecialRegister.CR4), r.get(X86SpecialRegister.KERNEL_DR6),
                    r.get(X86SpecialRegister.KERNEL_DR7));
        }
        KSpecialRegisters r = client.readSpecialRegisters(processor);
        return new ControlRegisters(r.get(SpecialRegister.CR0), r.get(SpecialRegister.CR2), r.get(SpecialRegister.CR3),
                r.get(SpecialRegister.CR4), r.get(SpecialRegister.KERNEL_DR6), r.get(SpecialRegister.KERNEL_DR7));
    }

    private ManipulateState call(ManipulateApi api, int processor, ManipulateArgs args, byte[] data) throws KdException {
        ManipulateState r = client.session().request(ManipulateState.request(api, processor, args, data), timeout);
        if (!r.succeeded()) {
            throw new KdStatusException(api.toString(), r.returnStatus());
        }
        return r;
    }
}
