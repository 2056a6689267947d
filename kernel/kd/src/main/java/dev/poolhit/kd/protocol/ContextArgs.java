package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_GET_CONTEXT (0x10 Unused u32) / DBGKD_SET_CONTEXT (0x10 ContextFlags u32). The target
 * ignores the value; WinDbg leaves junk there.
 */
public record ContextArgs(int contextFlags) implements ManipulateArgs {
    public static ContextArgs of(ManipulateState state) {
        return new ContextArgs(LittleEndian.i32(state.union(), 0));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, contextFlags);
    }
}
