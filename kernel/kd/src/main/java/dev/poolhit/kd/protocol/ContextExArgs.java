package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_CONTEXT_EX for GetContextEx / SetContextEx: a slice of the CONTEXT.
 *
 * <pre>
 *   0x10 u32 Offset   0x14 u32 ByteCount   0x18 u32 BytesCopied (out)
 * </pre>
 */
public record ContextExArgs(int offset, int byteCount, int bytesCopied) implements ManipulateArgs {
    public static ContextExArgs of(ManipulateState state) {
        byte[] u = state.union();
        return new ContextExArgs(LittleEndian.i32(u, 0), LittleEndian.i32(u, 4), LittleEndian.i32(u, 8));
    }

    @Override
    public void writeTo(byte[] union) {
        LittleEndian.put32(union, 0, offset);
        LittleEndian.put32(union, 4, byteCount);
        LittleEndian.put32(union, 8, bytesCopied);
    }
}
