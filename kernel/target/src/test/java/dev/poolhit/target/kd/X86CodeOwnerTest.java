package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.symbol.PublicSymbol;
import dev.poolhit.target.symbol.SymbolSource;
import dev.poolhit.target.symbol.SymbolTable;
import dev.poolhit.target.symbol.Symbolizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The owner of x86 code: the public at or below it, and for a cold {@code int 3; jmp back} stub its jump target's. */
class X86CodeOwnerTest {
    private static final long BASE = 0xffffffff82800000L;
    private final byte[] image = new byte[0x3000];
    private final SparseMemory memory = new SparseMemory().map(BASE, image);
    private final Symbolizer symbols = new Symbolizer(new ModuleList(List.of(Module.of("nt", "ntoskrnl.exe", BASE,
            image.length))), m -> new SymbolTable(SymbolSource.PDB, "test", List.of(new PublicSymbol("ExpAllocateBigPool",
            0x1000), new PublicSymbol("??_C@_05ABCDEF@hello?$AA@", 0x2f00))), Optional.empty());

    @Test
    void plainCodeBelongsToTheFunctionAtOrBelowIt() {
        assertEquals("nt!ExpAllocateBigPool", X86CodeOwner.owner(memory, symbols, BASE + 0x1040).orElseThrow().text());
    }

    @Test
    void aColdStubBelongsToTheFunctionItJumpsBackInto() {
        stub(0x2f40, (byte) 0xe9, 0x1080 - (0x2f40 + 6)); // int 3; jmp rel32 back into ExpAllocateBigPool
        assertEquals("nt!ExpAllocateBigPool", X86CodeOwner.owner(memory, symbols, BASE + 0x2f40).orElseThrow().text());
        assertEquals(Optional.of(BASE + 0x1080), X86CodeOwner.stubReturn(memory, BASE + 0x2f40));
    }

    @Test
    void aShortJumpIsFollowedToo() {
        image[0x1100] = (byte) 0xcc;
        image[0x1101] = (byte) 0xeb;
        image[0x1102] = (byte) -0x20;
        assertEquals(Optional.of(BASE + 0x1103 - 0x20), X86CodeOwner.stubReturn(memory, BASE + 0x1100));
        assertEquals(Optional.empty(), X86CodeOwner.stubReturn(memory, BASE + 0x1040), "no int 3: no stub");
        assertEquals(Optional.empty(), X86CodeOwner.stubReturn(memory, BASE + 0x2ffd), "cut by the mapping's end");
    }

    private void stub(int rva, byte jmp, int rel) {
        image[rva] = (byte) 0xcc;
        image[rva + 1] = jmp;
        dev.poolhit.common.LittleEndian.put32(image, rva + 2, rel);
    }
}
