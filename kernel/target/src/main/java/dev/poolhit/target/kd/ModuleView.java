package dev.poolhit.target.kd;

import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.stack.StackLimits;
import dev.poolhit.target.stack.StackWalker;
import dev.poolhit.target.symbol.SymbolTable;
import dev.poolhit.target.symbol.Symbolizer;
import dev.poolhit.target.unwind.FunctionTables;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.Optional;
import java.util.function.Function;

/**
 * One module list with what is built on it: .pdata tables, the unwinder, the symbolizer and the
 * stack walker. Replaced as a whole when the target loads or unloads a module; symbol tables
 * survive through the shared {@code tables} function (they depend on the image, not the list).
 */
record ModuleView(ModuleList modules, X64Unwinder unwinder, Symbolizer symbolizer, StackWalker walker) {
    static ModuleView of(ModuleList modules, VirtualMemory memory, Function<Module, SymbolTable> tables) {
        X64Unwinder unwinder = new X64Unwinder(memory, FunctionTables.fromMemory(modules, memory));
        Symbolizer symbolizer = new Symbolizer(modules, tables, Optional.of(unwinder));
        return new ModuleView(modules, unwinder, symbolizer, new StackWalker(unwinder, symbolizer::describe,
                StackLimits.unknown()));
    }
}
