package dev.poolhit.sim.kd;

import static dev.poolhit.kd.protocol.X86Register.*;

import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.kd.protocol.X86SpecialRegister;
import dev.poolhit.kd.protocol.X86SpecialRegisters;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.SpecialRegisters;

/**
 * Machine register values to and from the x86 wire structs: the 0x2CC-byte x86 CONTEXT and the
 * 0x54-byte x86 KSPECIAL_REGISTERS (kd-protocol.md 12.3, 12.4). The machine's {@link Context} holds
 * EAX..EDI in its first eight slots and EIP in {@code rip}; everything is 32 bits wide.
 */
final class X86RegisterCodec {
    /** EAX..EDI in x86 encoding order, as {@link Context#gprs()} returns them. */
    private static final X86Register[] GPRS = {EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI};
    /** FLOATING_SAVE_AREA.ControlWord default (FNINIT) and the FXSAVE control word at ExtendedRegisters + 0. */
    private static final int FPU_CONTROL_WORD = 0x27f;

    private X86RegisterCodec() {}

    static X86Context encode(Context c) {
        X86Context x = X86Context.empty(X86Context.CONTEXT_ALL);
        long[] g = c.gprs();
        for (int i = 0; i < GPRS.length; i++) {
            x = x.with(GPRS[i], g[i] & 0xffffffffL);
        }
        return x.with(EIP, c.rip() & 0xffffffffL).with(EFLAGS, c.eflags() & 0xffffffffL)
                .with(SEG_CS, c.segCs()).with(SEG_DS, c.segDs()).with(SEG_ES, c.segEs()).with(SEG_FS, c.segFs())
                .with(SEG_GS, c.segGs()).with(SEG_SS, c.segSs())
                .with(DR0, c.dr0() & 0xffffffffL).with(DR1, c.dr1() & 0xffffffffL).with(DR2, c.dr2() & 0xffffffffL)
                .with(DR3, c.dr3() & 0xffffffffL).with(DR6, c.dr6() & 0xffffffffL).with(DR7, c.dr7() & 0xffffffffL)
                .with(FLOAT_CONTROL_WORD, FPU_CONTROL_WORD).with(MXCSR, c.mxCsr() & 0xffffffffL);
    }

    static Context decode(X86Context x) {
        long[] g = new long[16];
        for (int i = 0; i < GPRS.length; i++) {
            g[i] = x.get(GPRS[i]);
        }
        return new Context(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], 0, 0, 0, 0, 0, 0, 0, 0, x.eip(),
                (int) x.get(EFLAGS), (int) x.get(SEG_CS), (int) x.get(SEG_DS), (int) x.get(SEG_ES),
                (int) x.get(SEG_FS), (int) x.get(SEG_GS), (int) x.get(SEG_SS), x.get(DR0), x.get(DR1), x.get(DR2),
                x.get(DR3), x.get(DR6), x.get(DR7), (int) x.get(MXCSR));
    }

    static X86SpecialRegisters encode(SpecialRegisters s) {
        return X86SpecialRegisters.empty()
                .with(X86SpecialRegister.CR0, s.cr0()).with(X86SpecialRegister.CR2, s.cr2())
                .with(X86SpecialRegister.CR3, s.cr3()).with(X86SpecialRegister.CR4, s.cr4())
                .with(X86SpecialRegister.KERNEL_DR0, s.kernelDr0()).with(X86SpecialRegister.KERNEL_DR1, s.kernelDr1())
                .with(X86SpecialRegister.KERNEL_DR2, s.kernelDr2()).with(X86SpecialRegister.KERNEL_DR3, s.kernelDr3())
                .with(X86SpecialRegister.KERNEL_DR6, s.kernelDr6()).with(X86SpecialRegister.KERNEL_DR7, s.kernelDr7())
                .with(X86SpecialRegister.GDTR_LIMIT, s.gdtrLimit()).with(X86SpecialRegister.GDTR_BASE, s.gdtrBase())
                .with(X86SpecialRegister.IDTR_LIMIT, s.idtrLimit()).with(X86SpecialRegister.IDTR_BASE, s.idtrBase())
                .with(X86SpecialRegister.TR, s.tr()).with(X86SpecialRegister.LDTR, s.ldtr());
    }

    /** The x86 fields replace {@code old}'s; the x64-only ones (MSRs, CR8, XCR0...) stay as they were (zero). */
    static SpecialRegisters decode(X86SpecialRegisters k, SpecialRegisters old) {
        return new SpecialRegisters(k.get(X86SpecialRegister.CR0), k.get(X86SpecialRegister.CR2),
                k.get(X86SpecialRegister.CR3), k.get(X86SpecialRegister.CR4), k.get(X86SpecialRegister.KERNEL_DR0),
                k.get(X86SpecialRegister.KERNEL_DR1), k.get(X86SpecialRegister.KERNEL_DR2),
                k.get(X86SpecialRegister.KERNEL_DR3), k.get(X86SpecialRegister.KERNEL_DR6),
                k.get(X86SpecialRegister.KERNEL_DR7), (int) k.get(X86SpecialRegister.GDTR_LIMIT),
                k.get(X86SpecialRegister.GDTR_BASE), (int) k.get(X86SpecialRegister.IDTR_LIMIT),
                k.get(X86SpecialRegister.IDTR_BASE), (int) k.get(X86SpecialRegister.TR),
                (int) k.get(X86SpecialRegister.LDTR), old.mxCsr(), old.debugControl(), old.lastBranchToRip(),
                old.lastBranchFromRip(), old.lastExceptionToRip(), old.lastExceptionFromRip(), old.cr8(),
                old.msrGsBase(), old.msrGsSwap(), old.msrStar(), old.msrLStar(), old.msrCStar(),
                old.msrSyscallMask(), old.xcr0());
    }
}
