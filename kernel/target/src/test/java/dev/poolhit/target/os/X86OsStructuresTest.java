package dev.poolhit.target.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.AddressRange;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Win7 SP1 x86 threads, processes and the 32-bit PEB loader list over hand-built memory. */
class X86OsStructuresTest {
    private static final OsOffsets WIN7_X86 = OsOffsets.forBuild(7601, 0x14c).orElseThrow();
    /** Kernel addresses in the model form: sign-extended from bit 31. */
    private static final long KTHREAD = 0xffffffff85a12000L;
    private static final long EPROCESS = 0xffffffff85a10000L;
    private static final long PEB = 0x7ffdf000L;
    private static final long HEAP = 0x00150000L;
    private final byte[] kernel = new byte[0x3000];
    private final byte[] peb = new byte[0x1000];
    private final byte[] heap = new byte[0x1000];
    private final SparseMemory memory = new SparseMemory().map(EPROCESS, kernel).map(PEB, peb).map(HEAP, heap);

    @Test
    void threadAndProcessReadThirtyTwoBitFields() {
        buildThread();
        ThreadInfo t = new OsStructures(memory, WIN7_X86).thread(KTHREAD);
        assertEquals(0x5a4, t.tid());
        assertEquals(new ProcessInfo(EPROCESS, 0x9c4, "leakyapp.exe", PEB), t.process());
        assertEquals(Optional.of(new AddressRange(0xffffffff8c3fd000L, 0xffffffff8c400000L)), t.kernelStack(),
                "sign-extended, so kernel addresses are negative as on x64");
    }

    @Test
    void aUserRangeIsNoKernelStackOnX86() {
        LittleEndian.put32(kernel, (int) (KTHREAD - EPROCESS) + 0x2c, 0x00120000L);
        LittleEndian.put32(kernel, (int) (KTHREAD - EPROCESS) + 0x190, 0x00130000L);
        LittleEndian.put32(kernel, (int) (KTHREAD - EPROCESS) + 0x50, EPROCESS);
        assertTrue(new OsStructures(memory, WIN7_X86).thread(KTHREAD).kernelStack().isEmpty());
    }

    @Test
    void loaderListWalksThirtyTwoBitEntries() {
        long ldr = HEAP;
        long head = ldr + 0x0c;
        long exe = HEAP + 0x100;
        long dll = HEAP + 0x200;
        LittleEndian.put32(peb, 0x0c, ldr);
        LittleEndian.put32(heap, 0x0c, exe);
        entry(exe, dll, 0x00400000L, 0x5000, "leakyapp.exe", HEAP + 0x400);
        entry(dll, head, 0x7c900000L, 0x6000, "ntdll.dll", HEAP + 0x500);
        List<Module> modules = new LoaderList(memory, WIN7_X86).modules(new ProcessInfo(EPROCESS, 0x9c4, "leakyapp.exe", PEB));
        assertEquals(List.of("leakyapp leakyapp.exe 400000 5000", "ntdll ntdll.dll 7c900000 6000"),
                modules.stream().map(m -> m.name() + " " + m.imageName() + " " + Long.toHexString(m.base()) + " "
                        + Long.toHexString(m.size())).toList());
    }

    private void buildThread() {
        int t = (int) (KTHREAD - EPROCESS);
        LittleEndian.put32(kernel, t + 0x50, EPROCESS);
        LittleEndian.put32(kernel, t + 0x230, 0x5a4);
        LittleEndian.put32(kernel, t + 0x28, 0x8c3ffdd0L);
        LittleEndian.put32(kernel, t + 0x2c, 0x8c3fd000L);
        LittleEndian.put32(kernel, t + 0x190, 0x8c400000L);
        LittleEndian.put32(kernel, 0xb4, 0x9c4);
        byte[] name = "leakyapp.exe".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, kernel, 0x16c, name.length);
        LittleEndian.put32(kernel, 0x1a8, PEB);
    }

    private void entry(long at, long flink, long base, int size, String name, long buffer) {
        int o = (int) (at - HEAP);
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        LittleEndian.put32(heap, o, flink);
        LittleEndian.put32(heap, o + 0x18, base);
        LittleEndian.put32(heap, o + 0x20, size);
        LittleEndian.put16(heap, o + 0x2c, utf16.length);
        LittleEndian.put16(heap, o + 0x2e, utf16.length + 2);
        LittleEndian.put32(heap, o + 0x30, buffer);
        System.arraycopy(utf16, 0, heap, (int) (buffer - HEAP), utf16.length);
    }
}
