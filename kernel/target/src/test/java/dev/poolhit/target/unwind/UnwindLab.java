package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.CachedMemory;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.RuntimeFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-laid x64 target for unwinder tests: one image (code filled with {@code nop}, unwind infos
 * from 0x3000) and one stack. Expected results in tests are computed by hand from these bytes.
 */
final class UnwindLab {
    static final long BASE = 0xfffff800_01000000L;
    static final int IMAGE_SIZE = 0x4000;
    static final long STACK = 0xfffff880_04ec0000L;
    static final int STACK_SIZE = 0x20000;

    final byte[] image = new byte[IMAGE_SIZE];
    final byte[] stack = new byte[STACK_SIZE];
    final List<RuntimeFunction> functions = new ArrayList<>();
    final PatchTable patches = new PatchTable();
    final SparseMemory memory = new SparseMemory().map(BASE, image).map(STACK, stack);
    private int nextInfo = 0x3000;

    UnwindLab() {
        Arrays.fill(image, 0, 0x3000, (byte) 0x90);
    }

    /** Places annotated-hex UNWIND_INFO bytes and a RUNTIME_FUNCTION for [begin, end); returns the info RVA. */
    long function(long begin, long end, String unwindInfoHex) {
        long rva = unwindInfo(unwindInfoHex);
        functions.add(new RuntimeFunction(begin, end, rva));
        return rva;
    }

    long unwindInfo(String hex) {
        byte[] info = Hex.decode(hex);
        long rva = nextInfo;
        System.arraycopy(info, 0, image, nextInfo, info.length);
        nextInfo += (info.length + 3) & ~3;
        return rva;
    }

    void code(long rva, String hex) {
        byte[] b = Hex.decode(hex);
        System.arraycopy(b, 0, image, (int) rva, b.length);
    }

    void put(long address, long value) {
        LittleEndian.put64(stack, (int) (address - STACK), value);
    }

    X64Unwinder unwinder() {
        CachedMemory cached = new CachedMemory(memory, patches, 0x800);
        FunctionTables table = new FunctionTables(new ModuleList(List.of(Module.of("img", "img.sys", BASE, IMAGE_SIZE))),
                m -> functions);
        return new X64Unwinder(cached, table);
    }
}
