package dev.poolhit.kd.protocol;

/**
 * Named fields of the x86 KSPECIAL_REGISTERS block (kd-protocol.md 12.4), with their offsets
 * inside the block and in x86 control space (the CPU's KPROCESSOR_STATE, block at 0x2CC).
 */
public enum X86SpecialRegister {
    CR0(0x00, 4), CR2(0x04, 4), CR3(0x08, 4), CR4(0x0C, 4),
    KERNEL_DR0(0x10, 4), KERNEL_DR1(0x14, 4), KERNEL_DR2(0x18, 4), KERNEL_DR3(0x1C, 4),
    KERNEL_DR6(0x20, 4), KERNEL_DR7(0x24, 4),
    GDTR_LIMIT(0x2A, 2), GDTR_BASE(0x2C, 4), IDTR_LIMIT(0x32, 2), IDTR_BASE(0x34, 4),
    TR(0x38, 2), LDTR(0x3A, 2);

    private final int offset;
    private final int width;

    X86SpecialRegister(int offset, int width) {
        this.offset = offset;
        this.width = width;
    }

    /** Offset inside KSPECIAL_REGISTERS. */
    public int offset() {
        return offset;
    }

    public int width() {
        return width;
    }

    /** Read/WriteControlSpace offset of this field: 0x2CC + {@link #offset()}. */
    public long controlSpaceOffset() {
        return X86SpecialRegisters.CONTROL_SPACE_OFFSET + offset;
    }
}
