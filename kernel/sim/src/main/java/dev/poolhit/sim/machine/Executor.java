package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.Scenario;
import dev.poolhit.sim.image.ScenarioFrame;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.GroundTruthLog;
import dev.poolhit.sim.workload.PoolEvent;
import dev.poolhit.sim.workload.ThreadRole;
import dev.poolhit.sim.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run loop: pool events from the workload become execution points; at each point the machine
 * first "arrives" (a pending single step stops here with STATUS_SINGLE_STEP) and then "executes"
 * (a 0xCC in memory at RIP, from the image or the debugger, stops with STATUS_BREAKPOINT and RIP on
 * it). A stopped point stays pending: resuming with RIP unchanged executes it again, RIP + 1 skips
 * it. Stacks and registers are only materialised when the machine stops, so running is cheap.
 * Called with the machine's lock held.
 */
final class Executor {
    private final Machine machine;
    private final Workload workload;
    private final GroundTruthLog truth;
    private EventProgram program;
    private ExecutionPoint pending;
    private EventProgram pendingProgram;
    private long sequence;
    /** Compiled points and ground-truth stacks per scenario: static, so events share them. */
    private final Map<String, List<ExecutionPoint>> compiled = new HashMap<>();
    private final Map<String, List<ExpectedFrame>> stacks = new HashMap<>();

    Executor(Machine machine, Workload workload, GroundTruthLog truth) {
        this.machine = machine;
        this.workload = workload;
        this.truth = truth;
    }

    long eventsPerformed() {
        return sequence;
    }

    /** Runs until a stop or until {@code budget} more pool events have started. */
    Optional<StopEvent> run(long budget, boolean trace) {
        long started = 0;
        while (true) {
            if (pending == null) {
                if (program == null || program.finished()) {
                    if (machine.takeBreakIn()) {
                        return Optional.of(breakIn());
                    }
                    if (started == budget) {
                        return Optional.empty();
                    }
                    if (!machine.pace()) {
                        continue;
                    }
                    program = newEvent();
                    started++;
                }
                pending = program.advance(this::checkTaken);
                pendingProgram = program;
                if (pending == null) {
                    continue;
                }
                if (trace) {
                    return Optional.of(stop(StopEvent.STATUS_SINGLE_STEP));
                }
            }
            if (machine.byteAt(pending.rip()) == 0xcc) {
                return Optional.of(stop(StopEvent.STATUS_BREAKPOINT));
            }
            pending = null;
        }
    }

    /** Applies the debugger's RIP decision for the stopped point: same RIP re-executes, anything else moves on. */
    void resumeFrom(long rip) {
        if (pending != null && rip != pending.rip()) {
            pending = null;
        }
    }

    private boolean checkTaken() {
        int hit = (int) machine.memory().u32(machine.kernel().globals().poolHitTag());
        return (program.event.block().tag() & 0x7fffffff) == hit;
    }

    private EventProgram newEvent() {
        PoolEvent event = workload.next();
        SimThread thread = event.role() == ThreadRole.APP ? machine.kernel().appThread()
                : machine.kernel().workers().get(event.worker());
        Scenario scenario = event.scenario();
        List<ExecutionPoint> points = compiled.computeIfAbsent(scenario.name(),
                n -> EventProgram.compile(scenario.frames(), machine.boot().imageBases()));
        EventProgram p = new EventProgram(event, sequence++, thread, points);
        List<ExpectedFrame> stack = stacks.computeIfAbsent(scenario.name(), n -> expectedStack(scenario, p));
        truth.add(new GroundTruthEntry(p.sequence, machine.now(), event.processor(), thread.ethread(), thread.tid(),
                thread.process().pid(), thread.process().imageFileName(), event.block().tag(), event.block().size(),
                event.block().address(), event.kind(), stack, false));
        return p;
    }

    private static List<ExpectedFrame> expectedStack(Scenario scenario, EventProgram program) {
        List<ScenarioFrame> frames = scenario.frames();
        List<Long> ips = program.checkSiteIps();
        List<ExpectedFrame> stack = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            stack.add(new ExpectedFrame(frames.get(i).image() + "!" + frames.get(i).function(), ips.get(i)));
        }
        return List.copyOf(stack);
    }

    private StopEvent stop(int code) {
        if (pending.kind() == PointKind.BREAK_IN) {
            return breakIn();
        }
        ExecutionPoint point = pending;
        EventProgram p = pendingProgram;
        List<ScenarioFrame> frames = p.event.scenario().frames();
        boolean x86 = machine.x86();
        StackWriter.Layout layout = machine.boot().stacks().write(p.thread, machine.boot().userStackTop(),
                point.ips(), point.entered(), PointRegisters.homeArgs(frames, p.event, x86), p.sequence * 7919 + 17);
        long[] regs = layout.registers();
        int depth = point.ips().size();
        String caller = depth >= 2 ? frames.get(depth - 2).function() : "";
        PointRegisters.apply(regs, point, p.event, caller, x86);
        if (code == StopEvent.STATUS_BREAKPOINT && point.kind() == PointKind.CHECK) {
            truth.markBroke(p.sequence);
        }
        return machine.stopped(p.event.processor(), p.thread, point.rip(), regs, code, false);
    }

    /** The manifest's break-in path ({@code breakin-idle} on x64, {@code breakin-clock} on x86). */
    static Scenario breakInScenario(dev.poolhit.sim.image.ImageSet images) {
        return images.scenarios().stream().filter(s -> "breakin".equals(s.breakKind())).findFirst()
                .orElseThrow(() -> new dev.poolhit.sim.image.ImageFormatException(
                        "manifest has no scenario with breakKind breakin (the break-in stop needs it)"));
    }

    private StopEvent breakIn() {
        Scenario s = breakInScenario(machine.boot().images());
        List<Long> ips = new ArrayList<>();
        for (ScenarioFrame f : s.frames()) {
            long base = machine.boot().imageBases().get(f.image());
            ips.add(base + (f.returnRva() != null ? f.returnRva() : f.breakRva() != null ? f.breakRva() : f.functionRva()));
        }
        SimThread idle = machine.kernel().idleThreads().get(0);
        List<long[]> args = null;
        if (machine.x86()) { // DbgBreakPointWithStatus(DBG_STATUS_CONTROL_C): its stack argument
            args = new ArrayList<>(java.util.Collections.nCopies(ips.size() - 1, (long[]) null));
            args.add(new long[] {1});
        }
        StackWriter.Layout layout = machine.boot().stacks().write(idle, machine.boot().userStackTop(), ips, true, args,
                sequence);
        long rip = ips.get(ips.size() - 1);
        if (machine.x86()) {
            layout.registers()[0] = 1; // DbgBreakPointWithStatus(DBG_STATUS_CONTROL_C): the status is in EAX on x86
        }
        pending = new ExecutionPoint(PointKind.BREAK_IN, rip, ips, true, "DbgBreakPointWithStatus");
        pendingProgram = null;
        return machine.stopped(0, idle, rip, layout.registers(), StopEvent.STATUS_BREAKPOINT, true);
    }
}
