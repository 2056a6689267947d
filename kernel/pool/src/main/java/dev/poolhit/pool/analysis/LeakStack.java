package dev.poolhit.pool.analysis;

import java.util.List;

/**
 * One stack's outstanding allocations, as {@code %leaks} ranks them.
 *
 * @param stackId     the stack ({@code stacks.stack_id})
 * @param allocations outstanding allocations made through it
 * @param bytes       their bytes, of those whose size is known
 * @param unknownSize how many of them have no size
 * @param firstHit    the earliest such allocation (hit number)
 * @param lastHit     the latest
 * @param caller      the call site just below the pool routines ({@code myfault+0x1634})
 * @param callSites   the whole stack, innermost first
 */
public record LeakStack(int stackId, int allocations, long bytes, int unknownSize, int firstHit,
                        int lastHit, String caller, List<String> callSites) {
    public LeakStack {
        callSites = List.copyOf(callSites);
    }
}
