package dev.poolhit.target.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.target.Guid;
import dev.poolhit.target.MappedImage;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.CodeViewInfo;
import dev.poolhit.target.pe.RuntimeFunction;
import dev.poolhit.target.pe.TestPe;
import dev.poolhit.target.unwind.FunctionTables;
import dev.poolhit.target.unwind.X64Unwinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolizerTest {
    private static final long NT = 0xfffff800_01400000L;
    private static final long DRV = 0xfffff880_04960000L;
    private final byte[] image = new byte[0x4000];
    private final List<RuntimeFunction> pdata = List.of(new RuntimeFunction(0x1000, 0x1100, 0x3000),
            new RuntimeFunction(0x2800, 0x2810, 0x3010));
    private final ModuleList modules = new ModuleList(List.of(Module.of("nt", "ntoskrnl.exe", NT, 0x4000),
            Module.of("myfault", "myfault.sys", DRV, 0x2000)));

    SymbolizerTest() {
        System.arraycopy(Hex.decode("01 05 02 00  05 42 01 30"), 0, image, 0x3000, 8);
        System.arraycopy(Hex.decode("21 00 00 00  00 10 00 00  00 11 00 00  00 30 00 00 # chained to 0x1000-0x1100"),
                0, image, 0x3010, 16);
    }

    private Symbolizer symbolizer(List<PublicSymbol> ntPublics) {
        SparseMemory memory = new SparseMemory().map(NT, image);
        X64Unwinder unwinder = new X64Unwinder(memory, new FunctionTables(modules, m -> m.name().equals("nt") ? pdata : List.of()));
        return new Symbolizer(modules, m -> m.name().equals("nt") ? new SymbolTable(SymbolSource.PDB, "test", ntPublics)
                : SymbolTable.none(), Optional.of(unwinder));
    }

    @Test
    void nearestPublicWithinTheFunctionOrItsChainParent() {
        Symbolizer s = symbolizer(List.of(new PublicSymbol("ExpAllocateBigPool", 0x1000),
                new PublicSymbol("??::FNODOBFM::`string'", 0x2000), new PublicSymbol("PoolHitTag", 0x3ffc)));
        assertEquals("nt!ExpAllocateBigPool+0x82", s.describe(NT + 0x1082).text());
        assertEquals("nt!ExpAllocateBigPool", s.describe(NT + 0x1000).text());
        assertEquals("nt+0x2804", s.describe(NT + 0x2804).text()); // cold fragment: the nearest name is not its function
        assertEquals("nt!??::FNODOBFM::`string'+0x10", s.describe(NT + 0x2010).text()); // no .pdata there: nearest wins
        assertEquals("myfault+0x1634", s.describe(DRV + 0x1634).text());
        assertEquals("0xfffff800`00000010", s.describe(0xfffff800_00000010L).text());
        assertEquals(new Location(DRV + 0x1634, Optional.of("myfault"), Optional.empty(), OptionalLong.of(0x1634)),
                s.describe(DRV + 0x1634));
    }

    @Test
    void fragmentTakesTheChainParentsNameWhenThatIsTheNearest() {
        Symbolizer s = symbolizer(List.of(new PublicSymbol("ExpAllocateBigPool", 0x1000)));
        assertEquals("nt!ExpAllocateBigPool+0x1804", s.describe(NT + 0x2804).text());
    }

    @Test
    void nameToAddressWithCaseInsensitiveModuleAndName() {
        Symbolizer s = symbolizer(List.of(new PublicSymbol("PoolHitTag", 0x3ffc)));
        assertEquals(OptionalLong.of(NT + 0x3ffc), s.resolve("nt!PoolHitTag"));
        assertEquals(OptionalLong.of(NT + 0x3ffc), s.resolve("NT!poolhittag"));
        assertEquals(OptionalLong.of(NT + 0x3ffc), s.resolve("PoolHitTag"));
        assertEquals(OptionalLong.of(DRV), s.resolve("MyFault"));
        assertEquals(OptionalLong.empty(), s.resolve("nt!NoSuchThing"));
        assertEquals(OptionalLong.empty(), s.resolve("nosuchmodule!PoolHitTag"));
    }

    @Test
    void exportsAreTheFallbackAndTheStatusIsSaidOncePerModule(@TempDir Path empty) {
        long base = 0xfffff880_05000000L;
        SparseMemory memory = new SparseMemory().map(base, MappedImage.map(new TestPe(false).file));
        CodeViewInfo cv = new CodeViewInfo(new Guid(0x72e103a8, (short) 0x5cb2, (short) 0x4907, 0x8b76b2e7c06257b1L), 3, "test.pdb");
        Module module = Module.of("test", "test.sys", base, 0x2000).withCodeView(cv, 0x589dfd11L);
        List<SymbolStatus> statuses = new ArrayList<>();
        PdbLocator offline = new PdbLocator(SymbolPath.parse(empty.toString(), empty), Optional.empty());
        SymbolLoader loader = new SymbolLoader(Optional.of(offline), Optional.of(memory), statuses::add);
        Symbolizer s = new Symbolizer(new ModuleList(List.of(module)), loader, Optional.empty());

        assertEquals("test!Alpha+0x10", s.describe(base + 0x1810).text());
        assertEquals("test!Alpha+0x20", s.describe(base + 0x1820).text());
        assertEquals(OptionalLong.empty(), s.resolve("test!Beta")); // a forwarder has no code here
        assertEquals(List.of(new SymbolStatus("test", SymbolSource.EXPORTS,
                "no matching PDB for test.pdb 72E103A85CB249078B76B2E7C06257B13; using 1 exports")), statuses);
    }
}
