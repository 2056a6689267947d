package dev.poolhit.pool.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.sim.workload.PoolEventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compares a recorded trace with the simulator's ground truth, hit by hit in order (so a lost or a
 * doubled hit shows as the first mismatch): kind, tag, thread, processor, size or block, and every
 * kernel frame's IP. Public for the fault tests in {@code dev.poolhit.pool.faults}.
 */
public final class GroundTruthCheck {
    private GroundTruthCheck() {}

    /** The allocations and frees that broke at their check site, in the order they happened. */
    public static List<GroundTruthEntry> broke(Machine machine) {
        return machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
    }

    /** Every recorded hit equals the ground truth's hit of the same number. */
    public static void assertHitsMatch(TraceSnapshot hits, Machine machine, boolean pair) {
        List<GroundTruthEntry> truth = broke(machine);
        assertTrue(truth.size() >= hits.size(), "the trace has " + hits.size() + " hits, the target broke "
                + truth.size() + " times");
        for (int i = 0; i < hits.size(); i++) {
            assertHitMatches(truth.get(i), hits, i, pair);
        }
    }

    public static void assertHitMatches(GroundTruthEntry e, TraceSnapshot hits, int i, boolean pair) {
        String at = "hit " + i + " (" + e + ")";
        boolean alloc = e.kind() == PoolEventKind.ALLOC;
        assertEquals(alloc ? HitKind.ALLOC : HitKind.FREE, hits.kind(i), at);
        assertEquals(e.tag() & 0x7fffffff, hits.tagValue(i) & 0x7fffffff, at);
        assertEquals(e.thread(), hits.thread(i), at);
        assertEquals(e.processor(), hits.processor(i), at);
        if (alloc) {
            assertEquals(e.size(), hits.size(i), at);
            assertEquals(pair ? e.address() : Missing.LONG, hits.address(i), at);
        } else {
            assertEquals(e.address(), hits.address(i), at);
            assertEquals(Missing.LONG, hits.size(i), at + ": a free's size is not recoverable from its arguments");
        }
        List<ExpectedFrame> expected = new ArrayList<>(e.stack());
        Collections.reverse(expected);
        int stack = hits.stackId(i);
        long kernelFrames = expected.stream().filter(f -> f.ip() < 0).count();
        assertTrue(hits.stackDepth(stack) >= kernelFrames, at);
        for (int f = 0; f < Math.min(expected.size(), hits.stackDepth(stack)); f++) {
            assertEquals(expected.get(f).ip(), hits.ip(stack, f), at + " frame " + f);
        }
    }
}
