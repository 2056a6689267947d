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
 * {@link GroundTruthCheck} for the 32-bit simulator, whose addresses are plain 32-bit values: the
 * debugger's are sign-extended from bit 31. Kind, tag, thread, processor, size or block, the check
 * site (the caller of {@code nt!DbgBreakPoint}, or the stub's {@code int 3}) and every frame, user
 * frames past the sysenter included. Public for the fault tests in {@code dev.poolhit.pool.faults}.
 */
public final class X86GroundTruthCheck {
    private X86GroundTruthCheck() {}

    static long x86(long address) {
        return (int) address;
    }

    public static void assertHitsMatch(TraceSnapshot hits, Machine machine, boolean pair) {
        List<GroundTruthEntry> truth = GroundTruthCheck.broke(machine);
        assertTrue(truth.size() >= hits.size(), "the trace has " + hits.size() + " hits, the target broke "
                + truth.size() + " times");
        for (int i = 0; i < hits.size(); i++) {
            assertHitMatches(truth.get(i), hits, i, pair);
        }
    }

    private static void assertHitMatches(GroundTruthEntry e, TraceSnapshot hits, int i, boolean pair) {
        String at = "hit " + i + " (" + e + ")";
        boolean alloc = e.kind() == PoolEventKind.ALLOC;
        assertEquals(alloc ? HitKind.ALLOC : HitKind.FREE, hits.kind(i), at);
        assertEquals(e.tag() & 0x7fffffff, hits.tagValue(i) & 0x7fffffff, at);
        assertEquals(x86(e.thread()), hits.thread(i), at);
        assertEquals(e.processor(), hits.processor(i), at);
        if (alloc) {
            assertEquals(e.size(), hits.size(i), at);
            assertEquals(pair ? x86(e.address()) : Missing.LONG, hits.address(i), at);
        } else {
            assertEquals(x86(e.address()), hits.address(i), at);
            assertEquals(Missing.LONG, hits.size(i), at + ": a free's size is not recoverable from its arguments");
        }
        List<ExpectedFrame> expected = new ArrayList<>(e.stack());
        Collections.reverse(expected);
        boolean viaBreakRoutine = expected.get(0).function().equals("nt!DbgBreakPoint");
        assertEquals(x86(expected.get(viaBreakRoutine ? 1 : 0).ip()), hits.siteAddress(i), at + " site");
        int stack = hits.stackId(i);
        long kernelFrames = expected.stream().filter(f -> x86(f.ip()) < 0).count();
        assertTrue(hits.stackDepth(stack) >= kernelFrames, at);
        for (int f = 0; f < Math.min(expected.size(), hits.stackDepth(stack)); f++) {
            assertEquals(x86(expected.get(f).ip()), hits.ip(stack, f), at + " frame " + f);
        }
    }
}
