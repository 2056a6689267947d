package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;

/**
 * One FRAMEDATA ("new FPO") record of a PDB's DBI "New FPO" stream, 32 bytes: how an x86 function
 * (from {@code rvaStart}, one record per prologue step) finds its return address and saved
 * registers. {@code frameFunc} is the offset of the RPN program string in the {@code /names}
 * table (kd-protocol.md 12.7).
 */
public record FrameData(long rvaStart, long codeSize, long localSize, long paramsSize, long maxStackSize,
        long frameFunc, int prologSize, int savedRegsSize, long flags) {
    public static final int BYTES = 32;
    /** The function has structured exception handling. */
    public static final long FLAG_SEH = 1;
    /** The function has C++ exception handling. */
    public static final long FLAG_CPP_EH = 2;
    /** This record starts a function (the others describe later prologue steps). */
    public static final long FLAG_FUNCTION_START = 4;

    public static FrameData decode(byte[] b, int at) {
        return new FrameData(LittleEndian.u32(b, at), LittleEndian.u32(b, at + 4), LittleEndian.u32(b, at + 8),
                LittleEndian.u32(b, at + 12), LittleEndian.u32(b, at + 16), LittleEndian.u32(b, at + 20),
                LittleEndian.u16(b, at + 24), LittleEndian.u16(b, at + 26), LittleEndian.u32(b, at + 28));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, rvaStart);
        LittleEndian.put32(b, 4, codeSize);
        LittleEndian.put32(b, 8, localSize);
        LittleEndian.put32(b, 12, paramsSize);
        LittleEndian.put32(b, 16, maxStackSize);
        LittleEndian.put32(b, 20, frameFunc);
        LittleEndian.put16(b, 24, prologSize);
        LittleEndian.put16(b, 26, savedRegsSize);
        LittleEndian.put32(b, 28, flags);
        return b;
    }

    /** Whether {@code rva} lies in [rvaStart, rvaStart + codeSize). */
    public boolean contains(long rva) {
        return rva >= rvaStart && rva - rvaStart < codeSize;
    }

    public boolean isFunctionStart() {
        return (flags & FLAG_FUNCTION_START) != 0;
    }
}
