package dev.poolhit.target.kd;

import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.os.ThreadInfo;
import dev.poolhit.target.stack.StackLimits;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.stack.X86StackWalker;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.x86.ModuleFrameData;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.x86.X86Names;
import dev.poolhit.target.x86.X86Registers;
import dev.poolhit.target.x86.X86Unwinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * x86 stacks of a stopped thread: the {@link X86StackWalker} (FRAMEDATA of each module's PDB,
 * trap frames, EBP chain, scan) bounded by the thread's kernel stack, continuing into user mode
 * through its process's PEB loader list, as {@link ProcessViews} does for x64.
 */
final class X86Walks {
    private final VirtualMemory memory;
    private final SymbolTables tables;
    private final ProcessViews processes;

    X86Walks(VirtualMemory memory, SymbolTables tables, ProcessViews processes) {
        this.memory = memory;
        this.tables = tables;
        this.processes = processes;
    }

    StackTrace trace(ModuleView kernel, long kthread, Registers regs, int maxFrames) {
        X86Registers start = new X86Registers(regs.rip(), regs.get(Reg.RSP), regs.get(Reg.RBP), regs.get(Reg.RBX),
                regs.get(Reg.RSI), regs.get(Reg.RDI));
        Optional<ThreadInfo> thread = processes.thread(kthread);
        StackLimits limits = thread.flatMap(ThreadInfo::kernelStack).filter(r -> r.contains(start.esp()))
                .map(r -> new StackLimits(List.of(r))).orElse(StackLimits.unknown());
        return walker(kernel, limits, eip -> thread.map(t -> userWalker(kernel, t))).trace(start, maxFrames);
    }

    private X86StackWalker userWalker(ModuleView kernel, ThreadInfo thread) {
        List<Module> all = new ArrayList<>(kernel.modules().all());
        all.addAll(processes.loaderModules(thread.process()));
        ModuleView user = ModuleView.of(new ModuleList(all), memory, tables);
        return walker(user, StackLimits.unknown(), eip -> Optional.empty());
    }

    /** Call-site names as WinDbg shows x86 code: undecorated, a cold stub as {@code nt+0xrva}. */
    LongFunction<Location> describer(ModuleView view) {
        return X86Names.describer(view.symbolizer()::describe, frames(view));
    }

    private X86StackWalker walker(ModuleView view, StackLimits limits, LongFunction<Optional<X86StackWalker>> user) {
        ModuleFrameData frames = frames(view);
        LongFunction<Location> names = X86Names.describer(view.symbolizer()::describe, frames);
        return new X86StackWalker(X86Unwinder.of(memory, frames, names), names, limits, user);
    }

    private ModuleFrameData frames(ModuleView view) {
        return new ModuleFrameData(view.modules(), tables::frameData);
    }
}
