package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_CONTINUE2 with the AMD64 control set (kd-protocol.md 4.1, 4.2).
 *
 * <pre>
 *   0x10 u32 ContinueStatus   0x14 u32 TraceFlag (1 = single step)
 *   0x18 u64 Dr7              0x20 u64 CurrentSymbolStart   0x28 u64 CurrentSymbolEnd
 * </pre>
 * WinDbg sends Start 1 / End 0 for "no step range"; {@link #NO_RANGE_START} names that.
 */
public record Continue2Args(int continueStatus, int traceFlag, long dr7, long currentSymbolStart,
                            long currentSymbolEnd) implements ManipulateArgs {
    public static final long NO_RANGE_START = 1;
    /** Dr7 with no hardware breakpoint enabled (bit 10 reads as 1). */
    public static final long DR7_NONE = 0x400;

    /** A plain continue or single step with no step range, as WinDbg sends it. */
    public static Continue2Args of(int continueStatus, boolean trace, long dr7) {
        return new Continue2Args(continueStatus, trace ? 1 : 0, dr7, NO_RANGE_START, 0);
    }

    public static Continue2Args of(ManipulateState state) {
        byte[] u = state.union();
        return new Continue2Args(LittleEndian.i32(u, 0), LittleEndian.i32(u, 4), LittleEndian.u64(u, 8),
                LittleEndian.u64(u, 16), LittleEndian.u64(u, 24));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, continueStatus);
        LittleEndian.put32(union, 4, traceFlag);
        LittleEndian.put64(union, 8, dr7);
        LittleEndian.put64(union, 16, currentSymbolStart);
        LittleEndian.put64(union, 24, currentSymbolEnd);
    }
}
