package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;

/**
 * One node of PsLoadedModuleList on a 32-bit kernel (kd-protocol.md 12.6): the XP-era
 * LDR_DATA_TABLE_ENTRY, whose fields from 0x18 on are also those of the later x86
 * KLDR_DATA_TABLE_ENTRY. 0x48 bytes; the 16 bytes at 0x08 (two more LIST_ENTRYs in LDR,
 * ExceptionTable..NonPagedDebugInfo in KLDR) are kept raw. Pointers are zero-extended u32.
 *
 * <pre>
 *   0x00 u32 InLoadOrderLinks.Flink   0x04 u32 Blink   0x08 u8[16] (LDR/KLDR differ)
 *   0x18 u32 DllBase   0x1C u32 EntryPoint   0x20 u32 SizeOfImage   0x24 FullDllName   0x2C BaseDllName
 *   0x34 u32 Flags   0x38 u16 LoadCount   0x3A u16 TlsIndex/signature   0x3C u32 SectionPointer
 *   0x40 u32 CheckSum   0x44 u32 TimeDateStamp (XP-era LDR only; Win8+ puts it at 0x58)
 * </pre>
 */
public record LdrDataTableEntry32(long flink, long blink, byte[] links08, long dllBase, long entryPoint,
                                  int sizeOfImage, UnicodeString32 fullDllName, UnicodeString32 baseDllName,
                                  int flags, int loadCount, int tlsIndex, long sectionPointer, int checkSum,
                                  int timeDateStamp) {
    public static final int BYTES = 0x48;
    public static final int DLL_BASE_OFFSET = 0x18;
    public static final int SIZE_OF_IMAGE_OFFSET = 0x20;
    public static final int FULL_DLL_NAME_OFFSET = 0x24;
    public static final int BASE_DLL_NAME_OFFSET = 0x2C;
    private static final int LINKS_08_BYTES = 16;

    public LdrDataTableEntry32 {
        Structs.requireLength(links08, LINKS_08_BYTES, "LDR_DATA_TABLE_ENTRY32 bytes 0x08-0x17");
        links08 = links08.clone();
    }

    /** An entry as a target lays it out, unused fields zero. */
    public static LdrDataTableEntry32 of(long flink, long blink, long dllBase, long entryPoint, int sizeOfImage,
                                         UnicodeString32 fullDllName, UnicodeString32 baseDllName, int flags,
                                         int loadCount, int checkSum) {
        return new LdrDataTableEntry32(flink, blink, new byte[LINKS_08_BYTES], dllBase, entryPoint, sizeOfImage,
                fullDllName, baseDllName, flags, loadCount, 0, 0, checkSum, 0);
    }

    public static LdrDataTableEntry32 decode(byte[] b) throws KdProtocolException {
        Structs.requireAtLeast(b, BYTES, "LDR_DATA_TABLE_ENTRY32");
        return new LdrDataTableEntry32(LittleEndian.u32(b, 0), LittleEndian.u32(b, 4), Structs.slice(b, 8, 16),
                LittleEndian.u32(b, 0x18), LittleEndian.u32(b, 0x1C), LittleEndian.i32(b, 0x20),
                UnicodeString32.decode(b, 0x24), UnicodeString32.decode(b, 0x2C), LittleEndian.i32(b, 0x34),
                LittleEndian.u16(b, 0x38), LittleEndian.u16(b, 0x3A), LittleEndian.u32(b, 0x3C),
                LittleEndian.i32(b, 0x40), LittleEndian.i32(b, 0x44));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, flink);
        LittleEndian.put32(b, 4, blink);
        System.arraycopy(links08, 0, b, 8, LINKS_08_BYTES);
        LittleEndian.put32(b, 0x18, dllBase);
        LittleEndian.put32(b, 0x1C, entryPoint);
        LittleEndian.put32(b, 0x20, sizeOfImage);
        fullDllName.writeTo(b, 0x24);
        baseDllName.writeTo(b, 0x2C);
        LittleEndian.put32(b, 0x34, flags);
        LittleEndian.put16(b, 0x38, loadCount);
        LittleEndian.put16(b, 0x3A, tlsIndex);
        LittleEndian.put32(b, 0x3C, sectionPointer);
        LittleEndian.put32(b, 0x40, checkSum);
        LittleEndian.put32(b, 0x44, timeDateStamp);
        return b;
    }

    @Override
    public byte[] links08() {
        return links08.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LdrDataTableEntry32 e && Arrays.equals(e.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("LdrDataTableEntry32[flink=0x%08x base=0x%08x size=0x%x]", flink, dllBase, sizeOfImage);
    }
}
