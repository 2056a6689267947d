package dev.poolhit.target.kd;

import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.Registers;
import java.util.Optional;

/**
 * What the code at an address is, the way the target's machine answers it: names (x86 names
 * undecorated, cold stubs as {@code nt+0x5f40}), the owning function, and stack walks (x64 unwind
 * data; x86 FrameData, EBP chains and trap frames). Stateless apart from the views it is given.
 */
final class CodeViews {
    private final Arch arch;
    private final VirtualMemory memory;
    private final SymbolTables tables;

    CodeViews(Arch arch, VirtualMemory memory, SymbolTables tables) {
        this.arch = arch;
        this.memory = memory;
        this.tables = tables;
    }

    Location describe(ModuleView view, ProcessViews processes, long address) {
        return arch.x86() ? x86(processes).describer(view).apply(address) : view.symbolizer().describe(address);
    }

    /**
     * x64: the start of the .pdata entry's chain root (the parent of a cold fragment such as a
     * PoolHitTag {@code int 3} stub), symbolized; empty in leaf code. x86 has no .pdata: the public
     * symbol's function, and for a cold {@code int 3; jmp back} stub the function its jump returns into.
     */
    Optional<Location> owningFunction(ModuleView view, long address) {
        if (arch.x86()) {
            return X86CodeOwner.owner(memory, view.symbolizer(), address);
        }
        return view.unwinder().functions().lookup(address)
                .map(entry -> view.symbolizer().describe(entry.imageBase() + view.unwinder().chainRoot(entry).beginAddress()));
    }

    StackTrace trace(ModuleView view, ProcessViews processes, long thread, Registers regs, int maxFrames) {
        if (arch.x86()) {
            return x86(processes).trace(view, thread, regs, maxFrames);
        }
        return processes.walker(view, thread, regs.rsp()).trace(regs, maxFrames);
    }

    private X86Walks x86(ProcessViews processes) {
        return new X86Walks(memory, tables, processes);
    }
}
