package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.os.LoaderList;
import dev.poolhit.target.os.OsOffsets;
import dev.poolhit.target.os.OsStructures;
import dev.poolhit.target.os.ProcessInfo;
import dev.poolhit.target.os.ThreadInfo;
import dev.poolhit.target.stack.StackLimits;
import dev.poolhit.target.stack.StackWalker;
import dev.poolhit.target.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stopped thread as the OS structures describe it (process, kernel stack) and, per process,
 * the module view that adds its user-mode images to the kernel's, so stacks continue past the
 * system-call boundary. A process's view is kept until the kernel module list changes, the process
 * is replaced (other pid, image or PEB at that EPROCESS), a user return address falls outside its
 * modules (an image was loaded since: the loader list is walked again), or a reboot.
 */
final class ProcessViews {
    private static final System.Logger LOG = System.getLogger(ProcessViews.class.getName());

    private final VirtualMemory memory;
    private final Optional<OsStructures> os;
    private final Function<Module, SymbolTable> tables;
    private final Map<Long, UserView> views = new HashMap<>();

    /** The kernel view it was built on, the process, its user modules and the walker over both. */
    private record UserView(ModuleView kernel, ProcessInfo process, List<Module> modules, StackWalker walker) {}

    ProcessViews(VirtualMemory memory, Optional<OsOffsets> offsets, Function<Module, SymbolTable> tables) {
        this.memory = memory;
        this.os = offsets.map(o -> new OsStructures(memory, o));
        this.tables = tables;
    }

    /** The thread at {@code kthread}; empty without offsets for this build or when its objects are unreadable. */
    Optional<ThreadInfo> thread(long kthread) {
        if (os.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(os.get().thread(kthread));
        } catch (TargetException e) {
            LOG.log(System.Logger.Level.DEBUG, "thread " + Hex.u64(kthread) + " unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A walker for a stop in {@code kthread} with RSP {@code rsp}: the thread's kernel stack as limits
     * when RSP lies on it (a DPC or interrupt stack is not the thread's: then unknown), and its
     * process's user modules past the kernel.
     */
    StackWalker walker(ModuleView kernel, long kthread, long rsp) {
        Optional<ThreadInfo> thread = thread(kthread);
        StackLimits limits = thread.flatMap(ThreadInfo::kernelStack).filter(r -> r.contains(rsp))
                .map(r -> new StackLimits(List.of(r))).orElse(StackLimits.unknown());
        return new StackWalker(kernel.unwinder(), kernel.symbolizer()::describe, limits,
                rip -> thread.flatMap(t -> userWalker(kernel, t.process(), rip)));
    }

    /** A process's user-mode modules from its PEB loader list (what cannot be read is logged and left out). */
    List<Module> loaderModules(ProcessInfo process) {
        LoaderList loader = new LoaderList(memory, os.orElseThrow().offsets());
        List<Module> modules = loader.modules(process);
        loader.notes().forEach(n -> LOG.log(System.Logger.Level.INFO, n));
        return modules;
    }

    synchronized void forget() {
        views.clear();
    }

    private synchronized Optional<StackWalker> userWalker(ModuleView kernel, ProcessInfo process, long rip) {
        UserView known = views.get(process.eprocess());
        boolean current = known != null && known.kernel() == kernel && known.process().equals(process);
        if (current && known.modules().stream().anyMatch(m -> m.contains(rip))) {
            return Optional.of(known.walker());
        }
        List<Module> modules = loaderModules(process);
        if (current && modules.equals(known.modules())) {
            return Optional.of(known.walker());
        }
        try {
            List<Module> all = new ArrayList<>(kernel.modules().all());
            all.addAll(modules);
            StackWalker walker = ModuleView.of(new ModuleList(all), memory, tables).walker();
            views.put(process.eprocess(), new UserView(kernel, process, modules, walker));
            return Optional.of(walker);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.INFO, process.text() + ": user modules not usable: " + e.getMessage());
            return Optional.empty();
        }
    }
}
