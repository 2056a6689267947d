package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.Scenario;
import dev.poolhit.sim.image.ScenarioFrame;
import dev.poolhit.sim.kernel.KernelLayout;
import dev.poolhit.sim.kernel.SimProcessor;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.kernel.Win7Offsets;
import java.util.List;

/** Per-processor register state: the CONTEXT the debugger reads and writes, and KSPECIAL_REGISTERS. */
final class MachineCpu {
    private static final long DIRECTORY_TABLE_BASE = 0x187000L;

    private Context[] contexts = new Context[0];
    private SpecialRegisters[] specials = new SpecialRegisters[0];
    private boolean x86;

    /** Every processor idles in KiIdleLoop on its idle thread's stack. */
    void reset(BootState boot) {
        List<SimProcessor> cpus = boot.kernel().processors();
        contexts = new Context[cpus.size()];
        specials = new SpecialRegisters[cpus.size()];
        x86 = boot.kernel().layout().x86();
        Scenario breakIn = Executor.breakInScenario(boot.images());
        ScenarioFrame idleLoop = breakIn.frames().get(0);
        long idleIp = boot.imageBases().get(idleLoop.image()) + idleLoop.returnRva();
        long syscall = x86 ? 0
                : boot.imageBases().get("nt") + boot.images().image("nt").publics().get("KiSystemCall64");
        for (int p = 0; p < cpus.size(); p++) {
            StackWriter.Layout layout = boot.stacks().write(boot.kernel().idleThreads().get(p), boot.userStackTop(),
                    List.of(idleIp), true, null, p);
            long kpcr = cpus.get(p).kpcr();
            specials[p] = x86 ? SpecialRegisters.bootX86(kpcr, DIRECTORY_TABLE_BASE)
                    : SpecialRegisters.boot(kpcr, DIRECTORY_TABLE_BASE, syscall);
            contexts[p] = withDebug(base(idleIp).withGprs(layout.registers()), specials[p]);
        }
    }

    /** A kernel context of the machine's architecture at {@code ip}. */
    private Context base(long ip) {
        return x86 ? Context.x86Kernel(ip, 0) : Context.kernel(ip, 0);
    }

    Context context(int p) {
        return contexts[p];
    }

    void setContext(int p, Context context) {
        contexts[p] = context;
    }

    SpecialRegisters special(int p) {
        return specials[p];
    }

    void setSpecial(int p, SpecialRegisters registers) {
        specials[p] = registers;
    }

    /** KPRCB.CurrentThread of every processor: {@code thread} on {@code processor}, the idle threads elsewhere. */
    static void markRunning(BootState boot, int processor, SimThread thread) {
        KernelLayout layout = boot.kernel().layout();
        for (SimProcessor cpu : boot.kernel().processors()) {
            long current = cpu.number() == processor ? thread.ethread()
                    : boot.kernel().idleThreads().get(cpu.number()).ethread(); // the others idle between events
            layout.putPointer(boot.memory(), cpu.kprcb() + layout.offset(Win7Offsets.KPRCB_CURRENT_THREAD), current);
        }
    }

    /** The KTHREAD in the processor's KPRCB.CurrentThread (pointer width of the machine). */
    static long currentThread(BootState boot, SimProcessor cpu) {
        KernelLayout layout = boot.kernel().layout();
        return layout.pointer(boot.memory(), cpu.kprcb() + layout.offset(Win7Offsets.KPRCB_CURRENT_THREAD));
    }

    /** Records the stopped processor's registers; EFLAGS.TF stays set on a single-step stop. */
    Context stop(int p, long rip, long[] registers, boolean trace) {
        int eflags = 0x202 | (trace ? Context.EFLAGS_TRAP : 0);
        Context c = base(rip).withGprs(registers).withEflags(eflags);
        contexts[p] = withDebug(c, specials[p]);
        return contexts[p];
    }

    /** Continue2: Dr7 to every processor's KernelDr7, KernelDr6 cleared; TF on the resumed processor. */
    void continueAll(long dr7, boolean trace, int resumed) {
        for (int p = 0; p < specials.length; p++) {
            specials[p] = specials[p].withKernelDr7(dr7);
        }
        Context c = contexts[resumed];
        int eflags = trace ? c.eflags() | Context.EFLAGS_TRAP : c.eflags() & ~Context.EFLAGS_TRAP;
        contexts[resumed] = c.withEflags(eflags);
    }

    private static Context withDebug(Context c, SpecialRegisters s) {
        return c.withDebugRegisters(s.kernelDr0(), s.kernelDr1(), s.kernelDr2(), s.kernelDr3(), s.kernelDr6(),
                s.kernelDr7());
    }
}
