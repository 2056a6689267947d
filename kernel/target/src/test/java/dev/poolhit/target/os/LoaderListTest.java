package dev.poolhit.target.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PEB loader-list walk over hand-built memory: order, names, and hostile lists. */
class LoaderListTest {
    private static final OsOffsets WIN7 = OsOffsets.forBuild(7601, 0x8664).orElseThrow();
    private static final long PEB = 0x7fffffdf000L;
    private static final long HEAP = 0x290000L;
    private static final long LDR = HEAP;
    private static final long HEAD = LDR + 0x10;
    private static final long EXE_ENTRY = HEAP + 0x100;
    private static final long DLL_ENTRY = HEAP + 0x200;
    private final byte[] peb = new byte[0x1000];
    private final byte[] heap = new byte[0x1000];
    private final SparseMemory memory = new SparseMemory().map(PEB, peb).map(HEAP, heap);
    private final ProcessInfo app = new ProcessInfo(0xfffffa8000c10000L, 2500, "leakyapp.exe", PEB);

    @Test
    void walksTheListInLoadOrderWithShortNames() {
        build(HEAD);
        LoaderList list = new LoaderList(memory, WIN7);
        List<Module> modules = list.modules(app);
        assertEquals(List.of("leakyapp leakyapp.exe 7ff7b2d00000 5000", "ntdll ntdll.dll 7ffd2f400000 6000"),
                modules.stream().map(m -> m.name() + " " + m.imageName() + " " + Long.toHexString(m.base()) + " "
                        + Long.toHexString(m.size())).toList());
        assertEquals(List.of("module leakyapp: headers unreadable: memory access failed: cannot read 00007ff7`b2d00000",
                "module ntdll: headers unreadable: memory access failed: cannot read 00007ffd`2f400000"), list.notes());
    }

    @Test
    void aLoopingListEndsWithANoteAndKeepsWhatWasRead() {
        build(EXE_ENTRY); // ntdll's Flink points back at leakyapp's entry
        LoaderList list = new LoaderList(memory, WIN7);
        assertEquals(2, list.modules(app).size());
        assertEquals("leakyapp.exe (2500): loader list loops or exceeds 2048 entries at 00000000`00290100",
                list.notes().get(list.notes().size() - 1));
    }

    @Test
    void anUnreadableEntryEndsTheWalkWithANote() {
        build(0x1234000L);
        LoaderList list = new LoaderList(memory, WIN7);
        assertEquals(2, list.modules(app).size());
        assertEquals("leakyapp.exe (2500): loader list walk stopped: memory access failed: cannot read 00000000`01234000",
                list.notes().get(list.notes().size() - 1));
    }

    @Test
    void aProcessWithoutPebOrLoaderDataHasNoModules() {
        LoaderList list = new LoaderList(memory, WIN7);
        assertEquals(List.of(), list.modules(new ProcessInfo(0xfffffa8000c08000L, 4, "System", 0)));
        assertEquals(List.of(), list.modules(app));
        assertEquals(List.of("leakyapp.exe (2500): PEB 000007ff`fffdf000 has no loader data yet"), list.notes());
    }

    /** PEB.Ldr -> head -> leakyapp -> ntdll -> {@code ntdllFlink}. */
    private void build(long ntdllFlink) {
        LittleEndian.put64(peb, 0x18, LDR);
        LittleEndian.put64(heap, 0x10, EXE_ENTRY);
        LittleEndian.put64(heap, 0x18, DLL_ENTRY);
        entry(EXE_ENTRY, DLL_ENTRY, HEAD, 0x7ff7b2d00000L, 0x5000, "leakyapp.exe", 0x300);
        entry(DLL_ENTRY, ntdllFlink, EXE_ENTRY, 0x7ffd2f400000L, 0x6000, "ntdll.dll", 0x340);
    }

    private void entry(long at, long flink, long blink, long base, int size, String name, int nameOffset) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(utf16, 0, heap, nameOffset, utf16.length);
        byte[] e = new LdrDataTableEntry(flink, blink, base, base + 0x1000, size, 0, 0, utf16.length,
                HEAP + nameOffset).encode();
        System.arraycopy(e, 0, heap, (int) (at - HEAP), e.length);
    }
}
