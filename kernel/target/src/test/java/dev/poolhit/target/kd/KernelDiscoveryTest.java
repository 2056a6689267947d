package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.KldrDataTableEntry;
import dev.poolhit.kd.protocol.UnicodeString64;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.ModuleList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile kernel data: a wrong KDBG tag, a looping module list, unreadable names. */
class KernelDiscoveryTest {
    private static final long LIST = 0xfffff80002c00000L;
    private static final long HEAD = 0xfffff80002c00100L;
    private static final long BLOCK = 0xfffff80002c00200L;
    private static final long ENTRY_A = 0xfffff80002c01000L;
    private static final long ENTRY_B = 0xfffff80002c01100L;
    private static final long NAMES = 0xfffff80002c02000L;

    @Test
    void wrongOwnerTagIsANoteNotAGuess() {
        byte[] page = new byte[0x1000];
        LittleEndian.put64(page, 0, BLOCK);
        KdDebuggerData64 kdbg = KdDebuggerData64.blank(KdDebuggerData64.SIZE_WIN7);
        byte[] block = kdbg.encode();
        LittleEndian.put32(block, 0x10, 0x47424458); // "XDBG"
        System.arraycopy(block, 0, page, 0x200, block.length);
        KernelDiscovery d = new KernelDiscovery(new SparseMemory().map(LIST, page));
        assertNull(d.debuggerData(version(LIST)));
        assertEquals(List.of("KdDebuggerDataBlock at fffff800`02c00200: OwnerTag 0x47424458, expected 0x4742444b ('KDBG')"),
                d.notes());
    }

    @Test
    void readsTheBlockWhenTheTagIsRight() {
        byte[] page = new byte[0x1000];
        LittleEndian.put64(page, 0, BLOCK);
        byte[] block = KdDebuggerData64.blank(KdDebuggerData64.SIZE_WIN7)
                .with(KdDebuggerDataField.PS_LOADED_MODULE_LIST, HEAD).encode();
        System.arraycopy(block, 0, page, 0x200, block.length);
        KernelDiscovery d = new KernelDiscovery(new SparseMemory().map(LIST, page));
        assertEquals(HEAD, d.debuggerData(version(LIST)).get(KdDebuggerDataField.PS_LOADED_MODULE_LIST));
        assertEquals(List.of(), d.notes());
    }

    @Test
    void aLoopingModuleListStopsAtTheFirstRevisit() {
        byte[] page = new byte[0x3000];
        LittleEndian.put64(page, 0x100, ENTRY_A);
        put(page, 0x1000, entry(ENTRY_B, 0xfffff80002a00000L, "ntoskrnl.exe", 0));
        put(page, 0x1100, entry(ENTRY_A, 0xfffff88004e00000L, "myfault.sys", 0x40)); // back to A, never to the head
        KernelDiscovery d = new KernelDiscovery(new SparseMemory().map(LIST, page));
        ModuleList modules = d.modulesShallow(HEAD, 0xfffff80002a00000L);
        assertEquals(List.of("nt", "myfault"), modules.all().stream().map(m -> m.name()).toList());
        assertEquals(List.of("loaded-module list loops or exceeds 4096 entries at fffff800`02c01000"), d.notes());
    }

    @Test
    void shortNamesFollowWinDbg() {
        assertEquals("nt", KernelDiscovery.shortName("ntkrnlmp.exe", true));
        assertEquals("myfault", KernelDiscovery.shortName("MyFault.SYS", false));
        assertEquals("unknown", KernelDiscovery.shortName("", false));
    }

    private static GetVersion64 version(long debuggerDataList) {
        return new GetVersion64(0xf, 7601, 6, 2, GetVersion64.FLAG_DATA | GetVersion64.FLAG_PTR64, 0x8664, 0xc, 3, 0x31,
                0, 0, 0xfffff80002a00000L, 0, debuggerDataList);
    }

    private static byte[] entry(long flink, long base, String name, int nameOffset) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        UnicodeString64 s = UnicodeString64.of(utf16.length, utf16.length, NAMES + nameOffset);
        return KldrDataTableEntry.of(flink, HEAD, base, base, 0x9000, s, s, 0, 1, 0).encode();
    }

    private static void put(byte[] page, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, page, offset, bytes.length);
        String name = offset == 0x1000 ? "ntoskrnl.exe" : "myfault.sys";
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(utf16, 0, page, 0x2000 + (offset == 0x1000 ? 0 : 0x40), utf16.length);
    }
}
