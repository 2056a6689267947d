package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_CONTINUE2 with the x86 control set X86_DBGKD_CONTROL_SET (kd-protocol.md 12.5), in the
 * unchanged 56-byte manipulate struct. The AMD64 {@link Continue2Args} is wrong for a 32-bit target:
 * there Start would read the high half of Dr7.
 *
 * <pre>
 *   0x10 u32 ContinueStatus   0x14 u32 TraceFlag   0x18 u32 Dr7
 *   0x1C u32 CurrentSymbolStart   0x20 u32 CurrentSymbolEnd   0x24-0x37 unused
 * </pre>
 * Start 1 / End 0 means "no step range" ({@link #NO_RANGE_START}); symbol addresses are 32-bit
 * target addresses, not sign-extended (the fields are ULONG).
 */
public record Continue2X86Args(int continueStatus, int traceFlag, int dr7, int currentSymbolStart,
                               int currentSymbolEnd) implements ManipulateArgs {
    public static final int NO_RANGE_START = 1;
    /** Dr7 with no hardware breakpoint enabled. */
    public static final int DR7_NONE = 0x400;

    /** A plain continue or single step with no step range. */
    public static Continue2X86Args of(int continueStatus, boolean trace, int dr7) {
        return new Continue2X86Args(continueStatus, trace ? 1 : 0, dr7, NO_RANGE_START, 0);
    }

    public static Continue2X86Args of(ManipulateState state) {
        byte[] u = state.union();
        return new Continue2X86Args(LittleEndian.i32(u, 0), LittleEndian.i32(u, 4), LittleEndian.i32(u, 8),
                LittleEndian.i32(u, 0x0C), LittleEndian.i32(u, 0x10));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, continueStatus);
        LittleEndian.put32(union, 4, traceFlag);
        LittleEndian.put32(union, 8, dr7);
        LittleEndian.put32(union, 0x0C, currentSymbolStart);
        LittleEndian.put32(union, 0x10, currentSymbolEnd);
    }
}
