package dev.poolhit.sim.kd;

import static dev.poolhit.kd.protocol.Amd64Register.*;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.SpecialRegister;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.SpecialRegisters;

/**
 * Machine register values to and from the wire structs: the 0x4D0-byte AMD64 CONTEXT and the
 * 0xE0-byte KSPECIAL_REGISTERS (kd-protocol.md 6, 6.2). Bytes the machine does not model (home
 * slots, vector registers) are zero on the way out and ignored on the way in.
 */
final class RegisterCodec {
    /** General registers in x64 encoding order, as {@link Context#gprs()} returns them. */
    private static final Amd64Register[] GPRS = {RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12,
        R13, R14, R15};
    /** FXSAVE: FPU control word (0x27F = default) and MXCSR inside FltSave. */
    private static final int FLT_CONTROL_WORD = 0x100;
    private static final int FLT_MXCSR = 0x118;

    private RegisterCodec() {}

    static Amd64Context encode(Context c) {
        byte[] b = new byte[Amd64Context.BYTES];
        long[] g = c.gprs();
        for (int i = 0; i < GPRS.length; i++) {
            LittleEndian.put64(b, GPRS[i].offset(), g[i]);
        }
        LittleEndian.put32(b, CONTEXT_FLAGS.offset(), Amd64Context.CONTEXT_ALL);
        LittleEndian.put32(b, MXCSR.offset(), c.mxCsr());
        LittleEndian.put16(b, SEG_CS.offset(), c.segCs());
        LittleEndian.put16(b, SEG_DS.offset(), c.segDs());
        LittleEndian.put16(b, SEG_ES.offset(), c.segEs());
        LittleEndian.put16(b, SEG_FS.offset(), c.segFs());
        LittleEndian.put16(b, SEG_GS.offset(), c.segGs());
        LittleEndian.put16(b, SEG_SS.offset(), c.segSs());
        LittleEndian.put32(b, EFLAGS.offset(), c.eflags());
        LittleEndian.put64(b, DR0.offset(), c.dr0());
        LittleEndian.put64(b, DR1.offset(), c.dr1());
        LittleEndian.put64(b, DR2.offset(), c.dr2());
        LittleEndian.put64(b, DR3.offset(), c.dr3());
        LittleEndian.put64(b, DR6.offset(), c.dr6());
        LittleEndian.put64(b, DR7.offset(), c.dr7());
        LittleEndian.put64(b, RIP.offset(), c.rip());
        LittleEndian.put16(b, FLT_CONTROL_WORD, 0x27f);
        LittleEndian.put32(b, FLT_MXCSR, c.mxCsr());
        return new Amd64Context(b);
    }

    static Context decode(Amd64Context a) {
        long[] g = new long[GPRS.length];
        for (int i = 0; i < GPRS.length; i++) {
            g[i] = a.get(GPRS[i]);
        }
        return new Context(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13],
                g[14], g[15], a.rip(), (int) a.get(EFLAGS), (int) a.get(SEG_CS), (int) a.get(SEG_DS),
                (int) a.get(SEG_ES), (int) a.get(SEG_FS), (int) a.get(SEG_GS), (int) a.get(SEG_SS), a.get(DR0),
                a.get(DR1), a.get(DR2), a.get(DR3), a.get(DR6), a.get(DR7), (int) a.get(MXCSR));
    }

    static KSpecialRegisters encode(SpecialRegisters s) {
        return KSpecialRegisters.empty()
                .with(SpecialRegister.CR0, s.cr0()).with(SpecialRegister.CR2, s.cr2())
                .with(SpecialRegister.CR3, s.cr3()).with(SpecialRegister.CR4, s.cr4())
                .with(SpecialRegister.KERNEL_DR0, s.kernelDr0()).with(SpecialRegister.KERNEL_DR1, s.kernelDr1())
                .with(SpecialRegister.KERNEL_DR2, s.kernelDr2()).with(SpecialRegister.KERNEL_DR3, s.kernelDr3())
                .with(SpecialRegister.KERNEL_DR6, s.kernelDr6()).with(SpecialRegister.KERNEL_DR7, s.kernelDr7())
                .with(SpecialRegister.GDTR_LIMIT, s.gdtrLimit()).with(SpecialRegister.GDTR_BASE, s.gdtrBase())
                .with(SpecialRegister.IDTR_LIMIT, s.idtrLimit()).with(SpecialRegister.IDTR_BASE, s.idtrBase())
                .with(SpecialRegister.TR, s.tr()).with(SpecialRegister.LDTR, s.ldtr())
                .with(SpecialRegister.MXCSR, s.mxCsr()).with(SpecialRegister.DEBUG_CONTROL, s.debugControl())
                .with(SpecialRegister.LAST_BRANCH_TO_RIP, s.lastBranchToRip())
                .with(SpecialRegister.LAST_BRANCH_FROM_RIP, s.lastBranchFromRip())
                .with(SpecialRegister.LAST_EXCEPTION_TO_RIP, s.lastExceptionToRip())
                .with(SpecialRegister.LAST_EXCEPTION_FROM_RIP, s.lastExceptionFromRip())
                .with(SpecialRegister.CR8, s.cr8()).with(SpecialRegister.MSR_GS_BASE, s.msrGsBase())
                .with(SpecialRegister.MSR_GS_SWAP, s.msrGsSwap()).with(SpecialRegister.MSR_STAR, s.msrStar())
                .with(SpecialRegister.MSR_LSTAR, s.msrLStar()).with(SpecialRegister.MSR_CSTAR, s.msrCStar())
                .with(SpecialRegister.MSR_SYSCALL_MASK, s.msrSyscallMask()).with(SpecialRegister.XCR0, s.xcr0());
    }

    static SpecialRegisters decode(KSpecialRegisters k) {
        return new SpecialRegisters(k.get(SpecialRegister.CR0), k.get(SpecialRegister.CR2),
                k.get(SpecialRegister.CR3), k.get(SpecialRegister.CR4), k.get(SpecialRegister.KERNEL_DR0),
                k.get(SpecialRegister.KERNEL_DR1), k.get(SpecialRegister.KERNEL_DR2),
                k.get(SpecialRegister.KERNEL_DR3), k.get(SpecialRegister.KERNEL_DR6),
                k.get(SpecialRegister.KERNEL_DR7), (int) k.get(SpecialRegister.GDTR_LIMIT),
                k.get(SpecialRegister.GDTR_BASE), (int) k.get(SpecialRegister.IDTR_LIMIT),
                k.get(SpecialRegister.IDTR_BASE), (int) k.get(SpecialRegister.TR), (int) k.get(SpecialRegister.LDTR),
                (int) k.get(SpecialRegister.MXCSR), k.get(SpecialRegister.DEBUG_CONTROL),
                k.get(SpecialRegister.LAST_BRANCH_TO_RIP), k.get(SpecialRegister.LAST_BRANCH_FROM_RIP),
                k.get(SpecialRegister.LAST_EXCEPTION_TO_RIP), k.get(SpecialRegister.LAST_EXCEPTION_FROM_RIP),
                k.get(SpecialRegister.CR8), k.get(SpecialRegister.MSR_GS_BASE), k.get(SpecialRegister.MSR_GS_SWAP),
                k.get(SpecialRegister.MSR_STAR), k.get(SpecialRegister.MSR_LSTAR), k.get(SpecialRegister.MSR_CSTAR),
                k.get(SpecialRegister.MSR_SYSCALL_MASK), k.get(SpecialRegister.XCR0));
    }
}
