package dev.poolhit.sim.machine;

import java.util.List;

/**
 * One instruction the machine can stop at, with what is needed to lay out the stack there.
 *
 * @param kind      the point's role in its event
 * @param rip       its address
 * @param ips       instruction pointers of the frames on the stack at this point, outermost first (last = rip)
 * @param entered   false when the innermost function's prolog has not run yet (ENTRY points)
 * @param function  name of the innermost scenario function (selects argument registers)
 */
record ExecutionPoint(PointKind kind, long rip, List<Long> ips, boolean entered, String function) {
    ExecutionPoint {
        ips = List.copyOf(ips);
    }
}
