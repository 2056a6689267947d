package dev.poolhit.target.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.BreakpadSym;
import dev.poolhit.target.MappedImage;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.PeImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fixture images' real .pdata against Breakpad's STACK CFI (an independent oracle): in a
 * function body the CFA, i.e. the caller's RSP, is {@code $rsp + N}, and the return address is at
 * CFA-8. Frame-pointer functions are left out (their CFA depends on RBP, which Breakpad ignores).
 */
class FixtureUnwindTest {
    private static final long BASE = 0x00007ff6_12340000L;
    private static final long STACK = 0x00000000_0012f000L;
    private static final long RET = 0x00007ff6_1234abcdL;

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST, TestFixtures.CRASH})
    void callerRspMatchesBreakpadCfaAfterEveryProlog(String stem) {
        byte[] image = MappedImage.map(TestFixtures.bytes(stem + ".exe"));
        byte[] stack = new byte[0x4000];
        SparseMemory memory = new SparseMemory().map(BASE, image).map(STACK, stack);
        ModuleList modules = new ModuleList(List.of(Module.of("m", stem, BASE, image.length)));
        X64Unwinder unwinder = new X64Unwinder(memory, FunctionTables.fromMemory(modules, memory));
        BreakpadSym sym = BreakpadSym.parse(TestFixtures.sym(stem));
        int checked = 0;
        for (BreakpadSym.CfiInit init : sym.cfiInits()) {
            FunctionEntry fn = unwinder.functions().lookup(BASE + init.rva()).orElseThrow();
            UnwindInfo info = UnwindInfo.read(memory, BASE + fn.function().unwindInfoAddress());
            Long cfa = sym.cfaRspOffsets().get(init.rva());
            if (cfa == null || info.frameRegister() != 0 || info.sizeOfProlog() >= init.size()) {
                continue;
            }
            long rsp = STACK + 0x1000;
            LittleEndian.put64(stack, (int) (rsp + cfa - 8 - STACK), RET);
            UnwindStep step = unwinder.unwind(Registers.of(BASE + init.rva() + info.sizeOfProlog(), rsp));
            assertEquals(rsp + cfa, step.caller().rsp(), "CFA of function at rva 0x" + Long.toHexString(init.rva()));
            assertEquals(RET, step.caller().rip());
            checked++;
        }
        assertTrue(checked >= 30, "functions checked: " + checked);
    }

    @Test
    void chainedLoopFixtureIsAClearError() {
        byte[] file = TestFixtures.bytes(TestFixtures.CHAIN_LOOP);
        long base = 0xfffff800_05000000L;
        SparseMemory memory = new SparseMemory().map(base, MappedImage.map(file))
                .map(base + 0x1000, new byte[0x1000]); // the code its .pdata claims, as a loader would map it
        PeImage pe = PeImage.parseMapped(memory, base, "cfi_chained_loop.exe");
        ModuleList modules = new ModuleList(List.of(Module.of("loop", "cfi_chained_loop.exe", base, 0x2000)));
        X64Unwinder unwinder = new X64Unwinder(memory, FunctionTables.fromMemory(modules, memory));
        String expected = "unwind chain loop: UNWIND_INFO rva 0x300 revisited after 1 link(s), function rva 0x1000-0x2000"
                + " (image base fffff800`05000000)";

        assertEquals(1, pe.runtimeFunctions().size());
        assertEquals(expected, assertThrows(UnwindException.class,
                () -> unwinder.unwind(Registers.of(base + 0x1010, 0xfffff880_00001000L))).getMessage());
        FunctionEntry entry = unwinder.functions().lookup(base + 0x1010).orElseThrow();
        assertEquals(expected, assertThrows(UnwindException.class, () -> unwinder.chainRoot(entry)).getMessage());
    }
}
