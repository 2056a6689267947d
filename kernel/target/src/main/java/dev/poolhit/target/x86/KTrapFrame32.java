package dev.poolhit.target.x86;

import dev.poolhit.common.LittleEndian;

/**
 * The fields of an x86 KTRAP_FRAME (0x8c bytes, kd-protocol.md 12.7) a stack walk reads, from its
 * first {@link #BYTES} bytes: the DbgEbp/DbgEip copies, the saved callee-saved registers and the
 * CPU-pushed Eip, SegCs, EFlags and, on a privilege change only, HardwareEsp/HardwareSegSs.
 */
public record KTrapFrame32(long dbgEbp, long dbgEip, long edi, long esi, long ebx, long ebp, long errCode,
        long eip, long segCs, long eflags, long hardwareEsp, long hardwareSegSs) {
    /** Bytes up to and including HardwareSegSs (the V86 segments after it are not needed). */
    public static final int BYTES = 0x7c;
    public static final int OFFSET_EBP = 0x60;
    public static final int OFFSET_EIP = 0x68;
    /** Where the interrupted ESP is for a kernel-to-kernel trap (no HardwareEsp pushed). */
    public static final int OFFSET_HARDWARE_ESP = 0x74;
    /** EFLAGS.VM: a virtual-8086 trap also switches stacks. */
    public static final long EFLAGS_VM = 0x20000;

    public static KTrapFrame32 decode(byte[] b) {
        return new KTrapFrame32(LittleEndian.u32(b, 0x00), LittleEndian.u32(b, 0x04), LittleEndian.u32(b, 0x54),
                LittleEndian.u32(b, 0x58), LittleEndian.u32(b, 0x5c), LittleEndian.u32(b, OFFSET_EBP),
                LittleEndian.u32(b, 0x64), LittleEndian.u32(b, OFFSET_EIP), LittleEndian.u32(b, 0x6c),
                LittleEndian.u32(b, 0x70), LittleEndian.u32(b, OFFSET_HARDWARE_ESP), LittleEndian.u32(b, 0x78));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0x00, dbgEbp);
        LittleEndian.put32(b, 0x04, dbgEip);
        LittleEndian.put32(b, 0x54, edi);
        LittleEndian.put32(b, 0x58, esi);
        LittleEndian.put32(b, 0x5c, ebx);
        LittleEndian.put32(b, OFFSET_EBP, ebp);
        LittleEndian.put32(b, 0x64, errCode);
        LittleEndian.put32(b, OFFSET_EIP, eip);
        LittleEndian.put32(b, 0x6c, segCs);
        LittleEndian.put32(b, 0x70, eflags);
        LittleEndian.put32(b, OFFSET_HARDWARE_ESP, hardwareEsp);
        LittleEndian.put32(b, 0x78, hardwareSegSs);
        return b;
    }

    /** The trap came from user mode (CPL 3 code selector) or virtual-8086 mode: ESP and SS were pushed. */
    public boolean fromUserMode() {
        return (segCs & 1) != 0 || (eflags & EFLAGS_VM) != 0;
    }

    /** A plausible code selector: not null, RPL 0 (kernel) or 3 (user), or a V86 trap. */
    public boolean plausible() {
        int cs = (int) (segCs & 0xffff);
        return (eflags & EFLAGS_VM) != 0 || (cs >= 8 && ((cs & 3) == 0 || (cs & 3) == 3));
    }
}
