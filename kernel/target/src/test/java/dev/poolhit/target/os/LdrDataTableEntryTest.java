package dev.poolhit.target.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import org.junit.jupiter.api.Test;

/** Golden layout from the Win7 SP1 x64 {@code _LDR_DATA_TABLE_ENTRY} header (ntdiff/headers). */
class LdrDataTableEntryTest {
    private static final byte[] NTDLL_ENTRY = Hex.decode("""
            10 00 29 00 00 00 00 00   # 0x00 InLoadOrderLinks.Flink = 0x290010 (the list head)
            70 00 29 00 00 00 00 00   # 0x08 InLoadOrderLinks.Blink = 0x290070 (leakyapp's entry)
            00 00 00 00 00 00 00 00   # 0x10 InMemoryOrderLinks.Flink (not decoded)
            00 00 00 00 00 00 00 00   # 0x18 InMemoryOrderLinks.Blink
            00 00 00 00 00 00 00 00   # 0x20 InInitializationOrderLinks.Flink
            00 00 00 00 00 00 00 00   # 0x28 InInitializationOrderLinks.Blink
            00 00 40 2f fd 7f 00 00   # 0x30 DllBase = 0x7ffd2f400000
            00 10 40 2f fd 7f 00 00   # 0x38 EntryPoint = DllBase + 0x1000
            00 60 00 00 00 00 00 00   # 0x40 SizeOfImage = 0x6000 (+pad)
            3a 00 3c 00 00 00 00 00   # 0x48 FullDllName.Length 0x3a, MaximumLength 0x3c
            00 02 29 00 00 00 00 00   # 0x50 FullDllName.Buffer = 0x290200
            12 00 14 00 00 00 00 00   # 0x58 BaseDllName.Length 0x12 ("ntdll.dll"), MaximumLength 0x14
            40 02 29 00 00 00 00 00   # 0x60 BaseDllName.Buffer = 0x290240
            """);

    @Test
    void decodesTheFieldsAtTheirOffsetsAndEncodesBack() {
        LdrDataTableEntry e = LdrDataTableEntry.decode(NTDLL_ENTRY);
        assertEquals(0x68, LdrDataTableEntry.BYTES);
        assertEquals(LdrDataTableEntry.BYTES, NTDLL_ENTRY.length);
        assertEquals(new LdrDataTableEntry(0x290010L, 0x290070L, 0x7ffd2f400000L, 0x7ffd2f401000L, 0x6000, 0x3a,
                0x290200L, 0x12, 0x290240L), e);
        assertArrayEquals(NTDLL_ENTRY, e.encode());
    }

    @Test
    void aShortBufferIsRefusedWithItsLength() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> LdrDataTableEntry.decode(new byte[0x60]));
        assertEquals("LDR_DATA_TABLE_ENTRY too short: expected 0x68 bytes, actual 0x60", x.getMessage());
    }
}
