package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/** DBGKD_CONTINUE: 0x10 ContinueStatus u32 (DBG_CONTINUE, DBG_EXCEPTION_HANDLED, ..._NOT_HANDLED). */
public record ContinueArgs(int continueStatus) implements ManipulateArgs {
    public static ContinueArgs of(ManipulateState state) {
        return new ContinueArgs(LittleEndian.i32(state.union(), 0));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, continueStatus);
    }
}
