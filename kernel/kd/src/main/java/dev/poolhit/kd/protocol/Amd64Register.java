package dev.poolhit.kd.protocol;

/** Named scalar fields of the AMD64 CONTEXT with their offsets and widths (kd-protocol.md 6). */
public enum Amd64Register {
    CONTEXT_FLAGS(0x30, 4), MXCSR(0x34, 4),
    SEG_CS(0x38, 2), SEG_DS(0x3A, 2), SEG_ES(0x3C, 2), SEG_FS(0x3E, 2), SEG_GS(0x40, 2), SEG_SS(0x42, 2),
    EFLAGS(0x44, 4),
    DR0(0x48, 8), DR1(0x50, 8), DR2(0x58, 8), DR3(0x60, 8), DR6(0x68, 8), DR7(0x70, 8),
    RAX(0x78, 8), RCX(0x80, 8), RDX(0x88, 8), RBX(0x90, 8), RSP(0x98, 8), RBP(0xA0, 8), RSI(0xA8, 8),
    RDI(0xB0, 8), R8(0xB8, 8), R9(0xC0, 8), R10(0xC8, 8), R11(0xD0, 8), R12(0xD8, 8), R13(0xE0, 8),
    R14(0xE8, 8), R15(0xF0, 8), RIP(0xF8, 8),
    VECTOR_CONTROL(0x4A0, 8), DEBUG_CONTROL(0x4A8, 8), LAST_BRANCH_TO_RIP(0x4B0, 8),
    LAST_BRANCH_FROM_RIP(0x4B8, 8), LAST_EXCEPTION_TO_RIP(0x4C0, 8), LAST_EXCEPTION_FROM_RIP(0x4C8, 8);

    private final int offset;
    private final int width;

    Amd64Register(int offset, int width) {
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
