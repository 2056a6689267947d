package dev.poolhit.target.symbol;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.RuntimeFunction;
import dev.poolhit.target.unwind.FunctionEntry;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Address to name and name to address over all modules. A name is used for an address only when it
 * is the nearest at or below it and, where .pdata says which function holds the address, lies in
 * that function or its chain parent; otherwise the call site is {@code module+0xoff} (this avoids
 * WinDbg's {@code ?? ::FNODOBFM::`string'} names on cold fragments). Tables load once per module.
 */
public final class Symbolizer {
    private static final System.Logger LOG = System.getLogger(Symbolizer.class.getName());
    private final ModuleList modules;
    private final Function<Module, SymbolTable> loader;
    private final Optional<X64Unwinder> functions;
    private final Map<Module, SymbolTable> tables = new HashMap<>();

    /** @param functions gives .pdata extents and chain parents; empty disables the extent rule */
    public Symbolizer(ModuleList modules, Function<Module, SymbolTable> loader, Optional<X64Unwinder> functions) {
        this.modules = modules;
        this.loader = loader;
        this.functions = functions;
    }

    public synchronized SymbolTable table(Module module) {
        return tables.computeIfAbsent(module, loader);
    }

    public Location describe(long address) {
        Optional<Module> module = modules.find(address);
        if (module.isEmpty()) {
            return Location.unknown(address);
        }
        Module m = module.get();
        long rva = address - m.base();
        Optional<PublicSymbol> name = table(m).nearestAtOrBelow(rva).filter(s -> insideFunctionOf(address, m, s));
        if (name.isEmpty()) {
            return new Location(address, Optional.of(m.name()), Optional.empty(), OptionalLong.of(rva));
        }
        return new Location(address, Optional.of(m.name()), Optional.of(name.get().name()),
                OptionalLong.of(rva - name.get().rva()));
    }

    /** {@code nt!PoolHitTag} (module case-insensitive), a bare module name (its base), or a bare symbol in any module. */
    public OptionalLong resolve(String expression) {
        int bang = expression.indexOf('!');
        if (bang < 0) {
            Optional<Module> m = modules.byName(expression.strip());
            if (m.isPresent()) {
                return OptionalLong.of(m.get().base());
            }
            for (Module each : modules.all()) {
                OptionalLong rva = table(each).rvaOf(expression.strip());
                if (rva.isPresent()) {
                    return OptionalLong.of(each.base() + rva.getAsLong());
                }
            }
            return OptionalLong.empty();
        }
        Optional<Module> m = modules.byName(expression.substring(0, bang).strip());
        if (m.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong rva = table(m.get()).rvaOf(expression.substring(bang + 1).strip());
        return rva.isPresent() ? OptionalLong.of(m.get().base() + rva.getAsLong()) : OptionalLong.empty();
    }

    private boolean insideFunctionOf(long address, Module m, PublicSymbol symbol) {
        if (functions.isEmpty()) {
            return true;
        }
        Optional<FunctionEntry> entry = functions.get().functions().lookup(address);
        if (entry.isEmpty() || entry.get().function().containsRva(symbol.rva())) {
            return true;
        }
        try {
            RuntimeFunction root = functions.get().chainRoot(entry.get());
            return root.containsRva(symbol.rva());
        } catch (TargetException e) {
            LOG.log(System.Logger.Level.DEBUG, "no chain parent for " + m.name() + " rva 0x"
                    + Long.toHexString(symbol.rva()) + ": " + e.getMessage());
            return false;
        }
    }
}
