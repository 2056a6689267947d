package dev.poolhit.target.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.MappedImage;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.memory.CachedMemory;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.PeImage;
import dev.poolhit.target.symbol.PdbLocator;
import dev.poolhit.target.symbol.SymbolLoader;
import dev.poolhit.target.symbol.SymbolPath;
import dev.poolhit.target.symbol.SymbolSource;
import dev.poolhit.target.symbol.SymbolStatus;
import dev.poolhit.target.symbol.Symbolizer;
import dev.poolhit.target.unwind.FunctionTables;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.unwind.X64Unwinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on a real MSVC image: .pdata from memory, PDB found on a symbol path, k output.
 * Ground truth from llvm-objdump and the Breakpad CFI of CrashWithException.exe: main (0x1170,
 * sub rsp,28h) calls test at 0x1174 (returns to 0x1179); test (0x1150, sub rsp,38h) calls
 * crashing_function at 0x1162 (returns to 0x1167); crashing_function (0x1120, CFA rsp+0x30) is
 * stopped at its call at 0x1147.
 */
class FixtureStackTest {
    private static final long BASE = 0x00007ff6_12340000L;
    private static final long STACK = 0x00000000_0012f000L;

    @Test
    void realImageRealPdbWalkMatchesTheDisassembly() {
        Path exe = TestFixtures.require(TestFixtures.CRASH + ".exe");
        Path pdbFolder = TestFixtures.require(TestFixtures.CRASH + ".pdb").getParent();
        byte[] stack = new byte[0x1000];
        long rsp = STACK + 0x100;
        LittleEndian.put64(stack, 0x100 + 0x28, BASE + 0x1167);        // crashing_function: CFA rsp+0x30
        LittleEndian.put64(stack, 0x130 + 0x38, BASE + 0x1179);        // test: CFA rsp+0x40
        LittleEndian.put64(stack, 0x170 + 0x28, 0);                    // main: CFA rsp+0x30, end of stack
        SparseMemory target = new SparseMemory().map(BASE, MappedImage.map(TestFixtures.bytes(TestFixtures.CRASH + ".exe")))
                .map(STACK, stack);
        CachedMemory memory = new CachedMemory(target, new PatchTable(), 0xf80);
        PeImage pe = PeImage.parseFile(exe);
        Module module = Module.of("CrashWithException", "CrashWithException.exe", BASE, pe.headers().sizeOfImage())
                .withCodeView(pe.codeView().orElseThrow(), pe.headers().timeDateStamp());
        ModuleList modules = new ModuleList(List.of(module));
        X64Unwinder unwinder = new X64Unwinder(memory, FunctionTables.fromMemory(modules, memory));
        List<SymbolStatus> statuses = new ArrayList<>();
        PdbLocator locator = new PdbLocator(SymbolPath.parse(pdbFolder.toString(), pdbFolder), Optional.empty());
        Symbolizer symbols = new Symbolizer(modules, new SymbolLoader(Optional.of(locator), Optional.of(memory), statuses::add),
                Optional.of(unwinder));

        StackTrace trace = new StackWalker(unwinder, symbols::describe, StackLimits.unknown())
                .trace(Registers.of(BASE + 0x1147, rsp), 32);
        assertEquals("""
                Child-SP          RetAddr           Call Site
                00000000`0012f100 00007ff6`12341167 CrashWithException!crashing_function+0x27
                00000000`0012f130 00007ff6`12341179 CrashWithException!test+0x17
                00000000`0012f170 00000000`00000000 CrashWithException!main+0x9
                """, StackRenderer.k(trace.frames()));
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason());
        // 258 S_PUB32, of which 8 (e.g. __guard_flags) are in segment 7, past the 6 section headers: absolute values, no RVA
        assertEquals(List.of(new SymbolStatus("CrashWithException", SymbolSource.PDB,
                pdbFolder.resolve("CrashWithException.pdb") + ", 250 publics")), statuses);
    }
}
