package dev.poolhit.target.x86;

import dev.poolhit.common.Hex;

/**
 * The x86 registers a stack walk needs (EIP, ESP, EBP and the callee-saved EBX, ESI, EDI). Values
 * are 32-bit addresses kept as the wire has them (kd-protocol.md 12.1): bit 31 set is
 * sign-extended ({@code 0x8059cec8} is {@code 0xffffffff8059cec8}), else zero-extended. The
 * constructor canonicalises any input to that form, so 32-bit arithmetic results can be passed as is.
 */
public record X86Registers(long eip, long esp, long ebp, long ebx, long esi, long edi) {
    public X86Registers {
        eip = canonical(eip);
        esp = canonical(esp);
        ebp = canonical(ebp);
        ebx = canonical(ebx);
        esi = canonical(esi);
        edi = canonical(edi);
    }

    /** EIP, ESP and EBP; the callee-saved registers zero. */
    public static X86Registers of(long eip, long esp, long ebp) {
        return new X86Registers(eip, esp, ebp, 0, 0, 0);
    }

    /** The low 32 bits of {@code value}, sign-extended as kernel addresses are on the wire. */
    public static long canonical(long value) {
        return (int) value;
    }

    /** The low 32 bits as an unsigned value (for arithmetic and printing). */
    public static long u32(long value) {
        return value & 0xffffffffL;
    }

    public X86Registers withEip(long value) {
        return new X86Registers(value, esp, ebp, ebx, esi, edi);
    }

    public X86Registers withEsp(long value) {
        return new X86Registers(eip, value, ebp, ebx, esi, edi);
    }

    public X86Registers withEbp(long value) {
        return new X86Registers(eip, esp, value, ebx, esi, edi);
    }

    /** Kernel-space addresses (bit 31 set) are negative in the canonical form. */
    public static boolean isKernel(long address) {
        return address < 0;
    }

    @Override
    public String toString() {
        return "eip=" + Hex.u32(eip) + " esp=" + Hex.u32(esp) + " ebp=" + Hex.u32(ebp) + " ebx=" + Hex.u32(ebx)
                + " esi=" + Hex.u32(esi) + " edi=" + Hex.u32(edi);
    }
}
