package dev.poolhit.kd.protocol;

/** Named fields of the AMD64 KSPECIAL_REGISTERS block (kd-protocol.md 6.2). */
public enum SpecialRegister {
    CR0(0x00, 8), CR2(0x08, 8), CR3(0x10, 8), CR4(0x18, 8),
    KERNEL_DR0(0x20, 8), KERNEL_DR1(0x28, 8), KERNEL_DR2(0x30, 8), KERNEL_DR3(0x38, 8),
    KERNEL_DR6(0x40, 8), KERNEL_DR7(0x48, 8),
    GDTR_LIMIT(0x56, 2), GDTR_BASE(0x58, 8), IDTR_LIMIT(0x66, 2), IDTR_BASE(0x68, 8),
    TR(0x70, 2), LDTR(0x72, 2), MXCSR(0x74, 4),
    DEBUG_CONTROL(0x78, 8), LAST_BRANCH_TO_RIP(0x80, 8), LAST_BRANCH_FROM_RIP(0x88, 8),
    LAST_EXCEPTION_TO_RIP(0x90, 8), LAST_EXCEPTION_FROM_RIP(0x98, 8), CR8(0xA0, 8),
    MSR_GS_BASE(0xA8, 8), MSR_GS_SWAP(0xB0, 8), MSR_STAR(0xB8, 8), MSR_LSTAR(0xC0, 8),
    MSR_CSTAR(0xC8, 8), MSR_SYSCALL_MASK(0xD0, 8), XCR0(0xD8, 8);

    private final int offset;
    private final int width;

    SpecialRegister(int offset, int width) {
        this.offset = offset;
        this.width = width;
    }

    public int offset() {
        return offset;
    }

    public int width() {
        return width;
    }
}
