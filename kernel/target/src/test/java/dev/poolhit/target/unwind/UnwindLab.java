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
public final class UnwindLab {
    public static final long BASE = 0xfffff800_01000000L;
    public static final int IMAGE_SIZE = 0x4000;
    public static final long STACK = 0xfffff880_04ec0000L;
    static final int STACK_SIZE = 0x20000;

    final byte[] image = new byte[IMAGE_SIZE];
    final byte[] stack = new byte[STACK_SIZE];
    public final List<RuntimeFunction> functions = new ArrayList<>();
    final PatchTable patches = new PatchTable();
    public final SparseMemory memory = new SparseMemory().map(BASE, image).map(STACK, stack);
    private int nextInfo = 0x3000;

    public UnwindLab() {
        Arrays.fill(image, 0, 0x3000, (byte) 0x90);
    }

    /** Places annotated-hex UNWIND_INFO bytes and a RUNTIME_FUNCTION for [begin, end); returns the info RVA. */
    public long function(long begin, long end, String unwindInfoHex) {
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

    public void code(long rva, String hex) {
        byte[] b = Hex.decode(hex);
        System.arraycopy(b, 0, image, (int) rva, b.length);
    }

    public void put(long address, long value) {
        LittleEndian.put64(stack, (int) (address - STACK), value);
    }

    public X64Unwinder unwinder(Module... more) {
        CachedMemory cached = new CachedMemory(memory, patches, 0x800);
        List<Module> modules = new ArrayList<>(List.of(more));
        modules.add(Module.of("img", "img.sys", BASE, IMAGE_SIZE));
        FunctionTables table = new FunctionTables(new ModuleList(modules), m -> m.name().equals("img") ? functions : List.of());
        return new X64Unwinder(cached, table);
    }
}
