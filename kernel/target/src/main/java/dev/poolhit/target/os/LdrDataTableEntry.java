package dev.poolhit.target.os;

import dev.poolhit.common.LittleEndian;

/**
 * The head of a user-mode LDR_DATA_TABLE_ENTRY on x64 (one node of PEB_LDR_DATA.InLoadOrderModuleList),
 * through BaseDllName. Layout from ntdiff/headers {@code Win7_SP1/x64/.../_LDR_DATA_TABLE_ENTRY.h}
 * and unchanged at these offsets through Windows 11:
 *
 * <pre>
 *   0x00 InLoadOrderLinks {Flink, Blink}   0x10 InMemoryOrderLinks   0x20 InInitializationOrderLinks
 *   0x30 DllBase   0x38 EntryPoint   0x40 u32 SizeOfImage (+pad)
 *   0x48 FullDllName UNICODE_STRING {u16 Length, u16 MaximumLength, pad, Buffer}   0x58 BaseDllName
 * </pre>
 * Unlike the kernel's KLDR entry, 0x10 is a list link, not the exception table: user modules' .pdata
 * comes from their PE headers.
 */
public record LdrDataTableEntry(long flink, long blink, long dllBase, long entryPoint, long sizeOfImage,
                                int fullDllNameLength, long fullDllNameBuffer, int baseDllNameLength,
                                long baseDllNameBuffer) {
    public static final int BYTES = 0x68;
    /** The x86 entry through BaseDllName (InLoadOrderLinks 0x00, DllBase 0x18, SizeOfImage 0x20, names 0x24/0x2c). */
    public static final int BYTES_32 = 0x34;

    public static LdrDataTableEntry decode(byte[] b) {
        if (b.length < BYTES) {
            throw new IllegalArgumentException("LDR_DATA_TABLE_ENTRY too short: expected 0x" + Integer.toHexString(BYTES)
                    + " bytes, actual 0x" + Integer.toHexString(b.length));
        }
        return new LdrDataTableEntry(LittleEndian.u64(b, 0), LittleEndian.u64(b, 8), LittleEndian.u64(b, 0x30),
                LittleEndian.u64(b, 0x38), LittleEndian.u32(b, 0x40), LittleEndian.u16(b, 0x48),
                LittleEndian.u64(b, 0x50), LittleEndian.u16(b, 0x58), LittleEndian.u64(b, 0x60));
    }

    /**
     * The x86 (32-bit) LDR_DATA_TABLE_ENTRY: u32 pointers (sign-extended from bit 31, the model form
     * of x86 addresses), 8-byte UNICODE_STRINGs {Length, MaximumLength, Buffer}.
     */
    public static LdrDataTableEntry decode32(byte[] b) {
        if (b.length < BYTES_32) {
            throw new IllegalArgumentException("LDR_DATA_TABLE_ENTRY32 too short: expected 0x"
                    + Integer.toHexString(BYTES_32) + " bytes, actual 0x" + Integer.toHexString(b.length));
        }
        return new LdrDataTableEntry(LittleEndian.i32(b, 0), LittleEndian.i32(b, 4), LittleEndian.i32(b, 0x18),
                LittleEndian.i32(b, 0x1c), LittleEndian.u32(b, 0x20), LittleEndian.u16(b, 0x24),
                LittleEndian.i32(b, 0x28), LittleEndian.u16(b, 0x2c), LittleEndian.i32(b, 0x30));
    }

    /** The entry as a target lays it out: other links zero, MaximumLength = Length + 2 (room for a NUL). */
    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put64(b, 0, flink);
        LittleEndian.put64(b, 8, blink);
        LittleEndian.put64(b, 0x30, dllBase);
        LittleEndian.put64(b, 0x38, entryPoint);
        LittleEndian.put32(b, 0x40, sizeOfImage);
        LittleEndian.put16(b, 0x48, fullDllNameLength);
        LittleEndian.put16(b, 0x4a, fullDllNameLength + 2);
        LittleEndian.put64(b, 0x50, fullDllNameBuffer);
        LittleEndian.put16(b, 0x58, baseDllNameLength);
        LittleEndian.put16(b, 0x5a, baseDllNameLength + 2);
        LittleEndian.put64(b, 0x60, baseDllNameBuffer);
        return b;
    }
}
