package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * DBGKD_LOAD_SYMBOLS64 (the union of a load-symbols state change; offsets relative, +0x20 absolute).
 *
 * <pre>
 *   0x00 u32 PathNameLength (incl. NUL)   0x04 u32 (padding)   0x08 u64 BaseOfDll
 *   0x10 u64 ProcessId   0x18 u32 CheckSum   0x1C u32 SizeOfImage   0x20 u8 UnloadSymbols
 * </pre>
 * Bytes of the union after 0x21 are uninitialised on real targets and never interpreted.
 */
public record LoadSymbols64(int pathNameLength, int padding, long baseOfDll, long processId, int checkSum,
                            int sizeOfImage, boolean unloadSymbols) {
    public static final int BYTES = 0x21;

    static LoadSymbols64 decode(byte[] b, int off) {
        return new LoadSymbols64(LittleEndian.i32(b, off), LittleEndian.i32(b, off + 4), LittleEndian.u64(b, off + 8),
                LittleEndian.u64(b, off + 0x10), LittleEndian.i32(b, off + 0x18), LittleEndian.i32(b, off + 0x1C),
                b[off + 0x20] != 0);
    }

    void writeTo(byte[] b, int off) {
        LittleEndian.put32(b, off, pathNameLength);
        LittleEndian.put32(b, off + 4, padding);
        LittleEndian.put64(b, off + 8, baseOfDll);
        LittleEndian.put64(b, off + 0x10, processId);
        LittleEndian.put32(b, off + 0x18, checkSum);
        LittleEndian.put32(b, off + 0x1C, sizeOfImage);
        b[off + 0x20] = (byte) (unloadSymbols ? 1 : 0);
    }
}
