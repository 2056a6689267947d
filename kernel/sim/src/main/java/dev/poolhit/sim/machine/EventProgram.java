package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.ScenarioFrame;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.workload.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pool event compiled into its execution points: the entry of every allocator function from the
 * public API inward, the check site and the instruction after it (only if the tag matches when
 * execution gets there), then the returns outward.
 */
final class EventProgram {
    private static final Set<String> API = Set.of("ExAllocatePoolWithTag", "ExFreePoolWithTag", "ExFreePool");

    final PoolEvent event;
    final long sequence;
    final SimThread thread;
    private final List<ExecutionPoint> points;
    private int next;

    /** @param points the scenario's compiled points ({@link #compile}), shared by every event of it */
    EventProgram(PoolEvent event, long sequence, SimThread thread, List<ExecutionPoint> points) {
        this.event = event;
        this.sequence = sequence;
        this.thread = thread;
        this.points = points;
    }

    /** The next point, skipping the check site and its successor when {@code checkTaken} is false. */
    ExecutionPoint advance(java.util.function.BooleanSupplier checkTaken) {
        while (next < points.size()) {
            ExecutionPoint p = points.get(next++);
            if (p.kind() == PointKind.CHECK && !checkTaken.getAsBoolean()) {
                while (next < points.size() && points.get(next).kind() == PointKind.AFTER_CHECK) {
                    next++; // the points after the int 3 only run when it ran
                }
                continue;
            }
            return p;
        }
        return null;
    }

    boolean finished() {
        return next >= points.size();
    }

    /** Ground-truth stack: the check site's frames (outermost first). */
    List<Long> checkSiteIps() {
        return points.stream().filter(p -> p.kind() == PointKind.CHECK).findFirst().orElseThrow().ips();
    }

    static List<ExecutionPoint> compile(List<ScenarioFrame> frames, Map<String, Long> bases) {
        int n = frames.size();
        int api = 0;
        while (api < n && !API.contains(frames.get(api).function())) {
            api++;
        }
        List<Long> returns = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            returns.add(bases.get(frames.get(i).image()) + frames.get(i).returnRva());
        }
        List<ExecutionPoint> out = new ArrayList<>();
        ScenarioFrame last = frames.get(n - 1);
        // x86 sites that call DbgBreakPoint: the routine's entry is its int 3, reached only when the check is taken
        boolean breakRoutine = last.breakRva() != null && last.breakRva() == last.functionRva();
        int entries = breakRoutine ? n - 1 : n;
        for (int j = api; j < entries; j++) {
            List<Long> ips = new ArrayList<>(returns.subList(0, j));
            long begin = bases.get(frames.get(j).image()) + frames.get(j).functionRva();
            ips.add(begin);
            out.add(new ExecutionPoint(PointKind.ENTRY, begin, ips, false, frames.get(j).function()));
        }
        long site = bases.get(last.image()) + last.breakRva();
        List<Long> checkIps = new ArrayList<>(returns);
        checkIps.add(site);
        out.add(new ExecutionPoint(PointKind.CHECK, site, checkIps, true, last.function()));
        List<Long> afterIps = new ArrayList<>(returns);
        afterIps.add(site + 1);
        out.add(new ExecutionPoint(PointKind.AFTER_CHECK, site + 1, afterIps, true, last.function()));
        if (breakRoutine && n >= 2) { // DbgBreakPoint's ret: back in the allocator after its call
            List<Long> back = returns.subList(0, n - 1);
            out.add(new ExecutionPoint(PointKind.AFTER_CHECK, back.get(n - 2), back, true, frames.get(n - 2).function()));
        }
        for (int j = entries - 1; j >= api && j >= 1; j--) {
            List<Long> ips = returns.subList(0, j);
            out.add(new ExecutionPoint(PointKind.RETURN, ips.get(j - 1), ips, true, frames.get(j).function()));
        }
        return List.copyOf(out);
    }
}
