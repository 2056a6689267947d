package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.PeImage;
import dev.poolhit.target.pe.RuntimeFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-module .pdata, loaded once per module (code does not change while a module stays loaded, so
 * unlike memory pages these survive a continue) and binary-searched by RVA. Thread-safe.
 */
public final class FunctionTables implements FunctionTable {
    private final ModuleList modules;
    private final Function<Module, List<RuntimeFunction>> loader;
    private final Map<Module, List<RuntimeFunction>> loaded = new HashMap<>();

    /** @param loader returns a module's RUNTIME_FUNCTIONs (any order) */
    public FunctionTables(ModuleList modules, Function<Module, List<RuntimeFunction>> loader) {
        this.modules = modules;
        this.loader = loader;
    }

    /**
     * Reads each module's table from target memory: from the loader's ExceptionTable record when the
     * module has one, else from the PE header's exception directory.
     */
    public static FunctionTables fromMemory(ModuleList modules, VirtualMemory memory) {
        return new FunctionTables(modules, m -> readTable(memory, m));
    }

    public ModuleList modules() {
        return modules;
    }

    @Override
    public Optional<FunctionEntry> lookup(long address) {
        Optional<Module> module = modules.find(address);
        if (module.isEmpty()) {
            return Optional.empty();
        }
        long rva = address - module.get().base();
        List<RuntimeFunction> table = table(module.get());
        int lo = 0;
        int hi = table.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            RuntimeFunction f = table.get(mid);
            if (rva < f.beginAddress()) {
                hi = mid - 1;
            } else if (rva >= f.endAddress()) {
                lo = mid + 1;
            } else {
                return Optional.of(new FunctionEntry(module.get().base(), f));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isKnownCode(long address) {
        return modules.find(address).isPresent();
    }

    private synchronized List<RuntimeFunction> table(Module module) {
        return loaded.computeIfAbsent(module, m -> {
            List<RuntimeFunction> sorted = new ArrayList<>(loader.apply(m));
            sorted.sort(Comparator.comparingLong(RuntimeFunction::beginAddress));
            return List.copyOf(sorted);
        });
    }

    private static List<RuntimeFunction> readTable(VirtualMemory memory, Module m) {
        if (m.exceptionTable() == 0) {
            return PeImage.parseMapped(memory, m.base(), m.imageName()).runtimeFunctions();
        }
        if (m.exceptionTableSize() < 0 || m.exceptionTableSize() > m.size()) {
            throw new UnwindException("module " + m.name() + ": ExceptionTableSize 0x" + Long.toHexString(m.exceptionTableSize())
                    + " exceeds SizeOfImage 0x" + Long.toHexString(m.size()) + " (table at " + Hex.u64(m.exceptionTable()) + ")");
        }
        int count = (int) (m.exceptionTableSize() / RuntimeFunction.BYTES);
        byte[] bytes = memory.read(m.exceptionTable(), count * RuntimeFunction.BYTES);
        List<RuntimeFunction> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(RuntimeFunction.decode(bytes, i * RuntimeFunction.BYTES));
        }
        return out;
    }
}
