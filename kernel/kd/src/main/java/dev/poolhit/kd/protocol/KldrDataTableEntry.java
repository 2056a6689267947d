package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;

/**
 * KLDR_DATA_TABLE_ENTRY on x64, one node of PsLoadedModuleList (kd-protocol.md 7.4), through
 * CheckSum and the Win10 CoverageSectionSize (0x80 bytes).
 *
 * <pre>
 *   0x00 InLoadOrderLinks {Flink, Blink}   0x10 ExceptionTable   0x18 u32 ExceptionTableSize (+pad)
 *   0x20 GpValue   0x28 NonPagedDebugInfo   0x30 DllBase   0x38 EntryPoint   0x40 u32 SizeOfImage (+pad)
 *   0x48 FullDllName   0x58 BaseDllName   0x68 u32 Flags   0x6C u16 LoadCount   0x6E u16 signature bits
 *   0x70 SectionPointer   0x78 u32 CheckSum   0x7C u32 CoverageSectionSize (Win10)
 * </pre>
 */
public record KldrDataTableEntry(long flink, long blink, long exceptionTable, int exceptionTableSize,
                                 int padding1C, long gpValue, long nonPagedDebugInfo, long dllBase, long entryPoint,
                                 int sizeOfImage, int padding44, UnicodeString64 fullDllName,
                                 UnicodeString64 baseDllName, int flags, int loadCount, int signatureBits,
                                 long sectionPointer, int checkSum, int coverageSectionSize) {
    public static final int BYTES = 0x80;
    public static final int DLL_BASE_OFFSET = 0x30;
    public static final int BASE_DLL_NAME_OFFSET = 0x58;

    /** An entry as a target lays it out, padding zero. */
    public static KldrDataTableEntry of(long flink, long blink, long dllBase, long entryPoint, int sizeOfImage,
                                        UnicodeString64 fullDllName, UnicodeString64 baseDllName, int flags,
                                        int loadCount, int checkSum) {
        return new KldrDataTableEntry(flink, blink, 0, 0, 0, 0, 0, dllBase, entryPoint, sizeOfImage, 0,
                fullDllName, baseDllName, flags, loadCount, 0, 0, checkSum, 0);
    }

    public static KldrDataTableEntry decode(byte[] b) throws KdProtocolException {
        Structs.requireAtLeast(b, BYTES, "KLDR_DATA_TABLE_ENTRY");
        return new KldrDataTableEntry(LittleEndian.u64(b, 0), LittleEndian.u64(b, 8), LittleEndian.u64(b, 0x10),
                LittleEndian.i32(b, 0x18), LittleEndian.i32(b, 0x1C), LittleEndian.u64(b, 0x20),
                LittleEndian.u64(b, 0x28), LittleEndian.u64(b, 0x30), LittleEndian.u64(b, 0x38),
                LittleEndian.i32(b, 0x40), LittleEndian.i32(b, 0x44), UnicodeString64.decode(b, 0x48),
                UnicodeString64.decode(b, 0x58), LittleEndian.i32(b, 0x68), LittleEndian.u16(b, 0x6C),
                LittleEndian.u16(b, 0x6E), LittleEndian.u64(b, 0x70), LittleEndian.i32(b, 0x78),
                LittleEndian.i32(b, 0x7C));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put64(b, 0, flink);
        LittleEndian.put64(b, 8, blink);
        LittleEndian.put64(b, 0x10, exceptionTable);
        LittleEndian.put32(b, 0x18, exceptionTableSize);
        LittleEndian.put32(b, 0x1C, padding1C);
        LittleEndian.put64(b, 0x20, gpValue);
        LittleEndian.put64(b, 0x28, nonPagedDebugInfo);
        LittleEndian.put64(b, 0x30, dllBase);
        LittleEndian.put64(b, 0x38, entryPoint);
        LittleEndian.put32(b, 0x40, sizeOfImage);
        LittleEndian.put32(b, 0x44, padding44);
        fullDllName.writeTo(b, 0x48);
        baseDllName.writeTo(b, 0x58);
        LittleEndian.put32(b, 0x68, flags);
        LittleEndian.put16(b, 0x6C, loadCount);
        LittleEndian.put16(b, 0x6E, signatureBits);
        LittleEndian.put64(b, 0x70, sectionPointer);
        LittleEndian.put32(b, 0x78, checkSum);
        LittleEndian.put32(b, 0x7C, coverageSectionSize);
        return b;
    }
}
