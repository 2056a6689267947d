package dev.poolhit.target.kd;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.pdb.FrameDataTable;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.symbol.PdbLocator;
import dev.poolhit.target.symbol.SymbolLoader;
import dev.poolhit.target.symbol.SymbolStatus;
import dev.poolhit.target.symbol.SymbolTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each module's symbol table, loaded once through the target layer's {@link SymbolLoader} (PDB
 * from the symbol path, else exports from target memory) and kept across module-list changes.
 */
final class SymbolTables implements Function<Module, SymbolTable> {
    private static final System.Logger LOG = System.getLogger(SymbolTables.class.getName());
    private final SymbolLoader loader;
    private final Optional<PdbLocator> locator;
    private final Map<Module, SymbolTable> tables = new HashMap<>();
    private final Map<Module, FrameDataTable> frameData = new HashMap<>();
    private final List<SymbolStatus> statuses = new ArrayList<>();

    SymbolTables(KdTargetOptions options, VirtualMemory memory) {
        Optional<PdbLocator> locator = options.symbolPath().map(p -> new PdbLocator(p, options.symbolServer()));
        this.loader = new SymbolLoader(locator, Optional.of(memory), this::status);
        this.locator = locator;
    }

    /**
     * The x86 FRAMEDATA of the module's matching PDB (read once); empty without one, or when the PDB
     * cannot be read (its symbol status already says why).
     */
    synchronized FrameDataTable frameData(Module module) {
        return frameData.computeIfAbsent(module, m -> {
            Optional<Path> pdb = m.codeView().flatMap(cv -> locator.flatMap(l -> l.find(cv).path()));
            if (pdb.isEmpty()) {
                return FrameDataTable.empty();
            }
            try {
                return PdbFile.open(pdb.get()).frameData();
            } catch (TargetException e) {
                LOG.log(System.Logger.Level.INFO, "no frame data for " + m.name() + ": " + e.getMessage());
                return FrameDataTable.empty();
            }
        });
    }

    @Override
    public synchronized SymbolTable apply(Module module) {
        SymbolTable t = tables.get(module);
        if (t == null) {
            t = loader.apply(module);
            tables.put(module, t);
        }
        return t;
    }

    synchronized List<SymbolStatus> statuses() {
        return List.copyOf(statuses);
    }

    private synchronized void status(SymbolStatus s) {
        statuses.add(s);
    }
}
