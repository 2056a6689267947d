package dev.poolhit.target.x86;

import dev.poolhit.common.AddressRange;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pdb.FrameDataTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link FrameDataSource} over a module list: each module's table comes once from {@code tables}
 * (e.g. {@code PdbFile::frameData} of its matching PDB; {@link FrameDataTable#empty()} without one).
 */
public final class ModuleFrameData implements FrameDataSource {
    private final ModuleList modules;
    private final Function<Module, FrameDataTable> tables;
    private final Map<Module, FrameDataTable> loaded = new HashMap<>();

    public ModuleFrameData(ModuleList modules, Function<Module, FrameDataTable> tables) {
        this.modules = modules;
        this.tables = tables;
    }

    public ModuleList modules() {
        return modules;
    }

    @Override
    public synchronized Optional<FrameDataHit> find(long address) {
        Optional<Module> m = modules.find(X86Registers.canonical(address));
        if (m.isEmpty()) {
            return Optional.empty();
        }
        FrameDataTable table = loaded.computeIfAbsent(m.get(), tables);
        long rva = X86Registers.u32(address - m.get().base());
        return table.lookup(rva).map(e -> new FrameDataHit(m.get().base(), e));
    }

    @Override
    public synchronized Optional<AddressRange> functionExtent(long address) {
        Optional<Module> m = modules.find(X86Registers.canonical(address));
        if (m.isEmpty()) {
            return Optional.empty();
        }
        long rva = X86Registers.u32(address - m.get().base());
        return loaded.computeIfAbsent(m.get(), tables).function(rva)
                .map(f -> AddressRange.ofSize(m.get().base() + f.rvaStart(), f.codeSize()));
    }

    /** The module holding {@code address}. */
    public Optional<Module> module(long address) {
        return modules.find(X86Registers.canonical(address));
    }

    @Override
    public boolean knows(long address) {
        return modules.find(X86Registers.canonical(address)).isPresent();
    }
}
