package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_WRITE_BREAKPOINT64: 0x10 BreakPointAddress u64, 0x18 BreakPointHandle u32 (out; table
 * index + 1, 0 on failure).
 */
public record BreakpointArgs(long address, int handle) implements ManipulateArgs {
    public static BreakpointArgs of(ManipulateState state) {
        byte[] u = state.union();
        return new BreakpointArgs(LittleEndian.u64(u, 0), LittleEndian.i32(u, 8));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put64(union, 0, address);
        LittleEndian.put32(union, 8, handle);
    }
}
