package dev.poolhit.kd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Annotated golden bytes for the memory structures, written from the layouts and the Windows 8.1
 * values of kd-protocol.md 7.3 and 7.4 (LKN dump), independent of the codecs under test.
 */
class MemoryStructGoldenTest {
    static final byte[] KDBG_HEAD = Hex.decode("""
            2091efb602f8ffff   # 0x00 List.Flink (KdpDebuggerDataListHead)
            2091efb602f8ffff   # 0x08 List.Blink
            4b444247           # 0x10 OwnerTag 'KDBG'
            60030000           # 0x14 Size 0x360 (Win 8.1)
            0080c16b02f8ffff   # 0x18 KernBase
            902bd76b02f8ffff   # 0x20 BreakpointWithStatus
            0000000000000000   # 0x28 SavedContext
            0000 0000 0000     # 0x30 ThCallbackStack, NextCallback, FramePointer
            0100               # 0x36 PaeEnabled
            a0f6d66b02f8ffff   # 0x38 KiCallUserMode
            0000000000000000   # 0x40 KeUserCallbackDispatcher
            d022ee6b02f8ffff   # 0x48 PsLoadedModuleList
            """);

    static final byte[] NTOSKRNL_ENTRY = Hex.decode("""
            8082034d 01e0ffff   # 0x00 InLoadOrderLinks.Flink
            d022ee6b02f8ffff    # 0x08 InLoadOrderLinks.Blink = list head
            0000000000000000    # 0x10 ExceptionTable
            00000000 00000000   # 0x18 ExceptionTableSize, padding
            0000000000000000    # 0x20 GpValue
            0000000000000000    # 0x28 NonPagedDebugInfo
            0080c16b02f8ffff    # 0x30 DllBase = KernBase
            0000000000000000    # 0x38 EntryPoint
            00907800 00000000   # 0x40 SizeOfImage 0x789000, padding
            4200 4400 00000000 0010000000e0ffff   # 0x48 FullDllName len 0x42 max 0x44, Buffer
            1800 1a00 00000000 0020000000e0ffff   # 0x58 BaseDllName "ntoskrnl.exe" len 0x18 max 0x1a
            00408000            # 0x68 Flags 0x804000
            5700                # 0x6C LoadCount 0x57
            0000                # 0x6E signature bits
            0000000000000000    # 0x70 SectionPointer
            d7c67100            # 0x78 CheckSum 0x71c6d7
            00000000            # 0x7C CoverageSectionSize
            """);

    @Test
    void debuggerDataOfWindows81() throws Exception {
        byte[] block = Arrays.copyOf(KDBG_HEAD, KdDebuggerData64.SIZE_WIN81);
        KdDebuggerData64 d = KdDebuggerData64.decode(block);
        assertEquals(0x360, d.declaredSize());
        assertEquals(0xFFFFF8026BC18000L, d.get(KdDebuggerDataField.KERN_BASE));
        assertEquals(0xFFFFF8026BD72B90L, d.get(KdDebuggerDataField.BREAKPOINT_WITH_STATUS));
        assertEquals(1, d.get(KdDebuggerDataField.PAE_ENABLED));
        assertEquals(0xFFFFF8026BD6F6A0L, d.get(KdDebuggerDataField.KI_CALL_USER_MODE));
        assertEquals(0xFFFFF8026BEE22D0L, d.get(KdDebuggerDataField.PS_LOADED_MODULE_LIST));
        KdDebuggerData64 built = KdDebuggerData64.blank(KdDebuggerData64.SIZE_WIN81)
                .with(KdDebuggerDataField.LIST_FLINK, 0xFFFFF802B6EF9120L)
                .with(KdDebuggerDataField.LIST_BLINK, 0xFFFFF802B6EF9120L)
                .with(KdDebuggerDataField.KERN_BASE, 0xFFFFF8026BC18000L)
                .with(KdDebuggerDataField.BREAKPOINT_WITH_STATUS, 0xFFFFF8026BD72B90L)
                .with(KdDebuggerDataField.PAE_ENABLED, 1)
                .with(KdDebuggerDataField.KI_CALL_USER_MODE, 0xFFFFF8026BD6F6A0L)
                .with(KdDebuggerDataField.PS_LOADED_MODULE_LIST, 0xFFFFF8026BEE22D0L);
        assertArrayEquals(block, built.encode());
    }

    @Test
    void loadedModuleEntryOfNtoskrnl() throws Exception {
        KldrDataTableEntry e = KldrDataTableEntry.decode(NTOSKRNL_ENTRY);
        assertEquals(0xFFFFE0014D038280L, e.flink());
        assertEquals(0xFFFFF8026BEE22D0L, e.blink());
        assertEquals(0xFFFFF8026BC18000L, e.dllBase());
        assertEquals(0x789000, e.sizeOfImage());
        assertEquals(UnicodeString64.of(0x18, 0x1a, 0xFFFFE00000002000L), e.baseDllName());
        assertEquals(0x42, e.fullDllName().length());
        assertEquals(0x804000, e.flags());
        assertEquals(0x57, e.loadCount());
        assertEquals(0x71C6D7, e.checkSum());
        assertArrayEquals(NTOSKRNL_ENTRY, KldrDataTableEntry.of(0xFFFFE0014D038280L, 0xFFFFF8026BEE22D0L,
                0xFFFFF8026BC18000L, 0, 0x789000, UnicodeString64.of(0x42, 0x44, 0xFFFFE00000001000L),
                UnicodeString64.of(0x18, 0x1a, 0xFFFFE00000002000L), 0x804000, 0x57, 0x71C6D7).encode());
        assertEquals(0x18, "ntoskrnl.exe".getBytes(StandardCharsets.UTF_16LE).length);
    }
}
