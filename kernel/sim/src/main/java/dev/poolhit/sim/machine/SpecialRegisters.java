package dev.poolhit.sim.machine;

/**
 * KSPECIAL_REGISTERS (AMD64, 0xE0 bytes; ReadControlSpace selector 2) as values, field order and
 * names per kd-protocol.md 6.2. The adapter encodes them; WriteControlSpace(2) replaces them.
 */
public record SpecialRegisters(long cr0, long cr2, long cr3, long cr4, long kernelDr0, long kernelDr1,
                               long kernelDr2, long kernelDr3, long kernelDr6, long kernelDr7, int gdtrLimit,
                               long gdtrBase, int idtrLimit, long idtrBase, int tr, int ldtr, int mxCsr,
                               long debugControl, long lastBranchToRip, long lastBranchFromRip,
                               long lastExceptionToRip, long lastExceptionFromRip, long cr8, long msrGsBase,
                               long msrGsSwap, long msrStar, long msrLStar, long msrCStar, long msrSyscallMask,
                               long xcr0) {
    /** Plausible Win7 x64 values for processor with KPCR {@code kpcr} (GS base points at the KPCR). */
    public static SpecialRegisters boot(long kpcr, long directoryTableBase, long kiSystemCall64) {
        return new SpecialRegisters(0x80050033L, 0, directoryTableBase, 0x6f8, 0, 0, 0, 0, 0xffff0ff0L, 0x400,
                0x7f, kpcr - 0x4000, 0xfff, kpcr - 0x3000, 0x40, 0, 0x1f80, 0, 0, 0, 0, 0, 0, kpcr, 0,
                0x0023001000000000L, kiSystemCall64, 0, 0x4700, 0x7);
    }

    /**
     * Plausible Win7 x86 PAE values (kd-protocol.md 12.4 holds only Cr0-Cr4, KernelDr0-7, Gdtr, Idtr,
     * Tr, Ldtr on x86; the x64-only fields stay 0): CR4.PAE set, GDT/IDT in the KPCR's page.
     */
    public static SpecialRegisters bootX86(long kpcr, long directoryTableBase) {
        return new SpecialRegisters(0x8001003bL, 0, directoryTableBase, 0x6f9, 0, 0, 0, 0, 0xffff0ff0L, 0x400,
                0x3ff, kpcr + 0x3800, 0x3ff, kpcr + 0x3c00, 0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Continue2 stores the debugger's Dr7 as KernelDr7 on every processor and clears KernelDr6. */
    public SpecialRegisters withKernelDr7(long dr7) {
        return new SpecialRegisters(cr0, cr2, cr3, cr4, kernelDr0, kernelDr1, kernelDr2, kernelDr3, 0, dr7,
                gdtrLimit, gdtrBase, idtrLimit, idtrBase, tr, ldtr, mxCsr, debugControl, lastBranchToRip,
                lastBranchFromRip, lastExceptionToRip, lastExceptionFromRip, cr8, msrGsBase, msrGsSwap, msrStar,
                msrLStar, msrCStar, msrSyscallMask, xcr0);
    }
}
