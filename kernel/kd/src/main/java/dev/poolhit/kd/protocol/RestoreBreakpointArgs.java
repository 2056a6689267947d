package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/** DBGKD_RESTORE_BREAKPOINT: 0x10 BreakPointHandle u32. */
public record RestoreBreakpointArgs(int handle) implements ManipulateArgs {
    public static RestoreBreakpointArgs of(ManipulateState state) {
        return new RestoreBreakpointArgs(LittleEndian.i32(state.union(), 0));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, handle);
    }
}
