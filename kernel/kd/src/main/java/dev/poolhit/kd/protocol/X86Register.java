package dev.poolhit.kd.protocol;

/**
 * Named scalar fields of the x86 CONTEXT with their offsets and widths (kd-protocol.md 12.3),
 * including the FNSAVE-style FLOATING_SAVE_AREA (0x1C) and MxCsr of the FXSAVE image (0xCC).
 * Segment slots are 32-bit on x86.
 */
public enum X86Register {
    CONTEXT_FLAGS(0x00),
    DR0(0x04), DR1(0x08), DR2(0x0C), DR3(0x10), DR6(0x14), DR7(0x18),
    FLOAT_CONTROL_WORD(0x1C), FLOAT_STATUS_WORD(0x20), FLOAT_TAG_WORD(0x24), FLOAT_ERROR_OFFSET(0x28),
    FLOAT_ERROR_SELECTOR(0x2C), FLOAT_DATA_OFFSET(0x30), FLOAT_DATA_SELECTOR(0x34), FLOAT_CR0_NPX_STATE(0x88),
    SEG_GS(0x8C), SEG_FS(0x90), SEG_ES(0x94), SEG_DS(0x98),
    EDI(0x9C), ESI(0xA0), EBX(0xA4), EDX(0xA8), ECX(0xAC), EAX(0xB0), EBP(0xB4), EIP(0xB8),
    SEG_CS(0xBC), EFLAGS(0xC0), ESP(0xC4), SEG_SS(0xC8),
    /** MxCsr inside ExtendedRegisters (FXSAVE image at 0xCC, MxCsr at +0x18). */
    MXCSR(0xE4);

    private final int offset;

    X86Register(int offset) {
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }

    /** Every named x86 CONTEXT field is a u32. */
    public int width() {
        return 4;
    }
}
