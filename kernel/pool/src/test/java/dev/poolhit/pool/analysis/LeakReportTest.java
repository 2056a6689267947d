package dev.poolhit.pool.analysis;

import static dev.poolhit.pool.TestHits.FREEING;
import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.NORMAL;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.free;
import static dev.poolhit.pool.TestHits.stack;
import static dev.poolhit.pool.TestHits.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LeakReportTest {
    private static final List<Frame> SMALL = stack("nt!ExAllocatePoolWithTag+0x82e", "afd+0x100");

    private static Trace sample() {
        return trace(
                alloc(0x1000, 0x100, LEAKY),      // 0: leak, stack 0
                alloc(0x2000, 0x100, NORMAL),     // 1: freed by 3
                alloc(0x3000, 0x100, LEAKY),      // 2: leak
                free(0x2000, FREEING),            // 3
                alloc(0x4000, 0x400, NORMAL),     // 4: leak on stack 1, biggest
                alloc(0x5000, 0x10, SMALL),       // 5: leak, smallest
                alloc(0x6000, 0x10, SMALL),       // 6: leak
                alloc(Missing.LONG, 0x999, LEAKY), // 7: no address: not a leak
                free(0x9000, FREEING));           // 8: allocated before the trace
    }

    @Test
    void ranksByBytesThenCount() {
        List<LeakStack> ranked = LeakReport.of(sample()).stacks();
        assertEquals(List.of(1, 0, 3), ranked.stream().map(LeakStack::stackId).toList());
        LeakStack leaky = ranked.get(1);
        assertEquals(2, leaky.allocations());
        assertEquals(0x200, leaky.bytes());
        assertEquals(0, leaky.firstHit());
        assertEquals(2, leaky.lastHit());
        assertEquals("myfault+0x1634", leaky.caller());
    }

    @Test
    void equalBytesRankByCountThenStackId() {
        Trace t = trace(alloc(1, 0x100, SMALL), alloc(2, 0x80, LEAKY), alloc(3, 0x80, LEAKY), alloc(4, 0x100, NORMAL));
        assertEquals(List.of(1, 0, 2), LeakReport.of(t).stacks().stream().map(LeakStack::stackId).toList());
    }

    @Test
    void tableHasTheTopStacks() {
        Table t = LeakReport.of(sample()).table(2);
        assertEquals("leaks", t.name());
        assertEquals(List.of("rank", "stack_id", "allocations", "bytes", "unknown_size", "first_hit", "last_hit",
                "caller", "signature"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(1024L, t.longColumn("bytes").get(0));
        assertEquals("ndis+0x2230", t.getString(0, "caller"));
        assertEquals("nt!ExAllocatePoolWithTag+0x82e < myfault+0x1634 < nt!IopXxxControlFile+0x607",
                t.getString(1, "signature"));
    }

    @Test
    void textIsMemleakShaped() {
        assertEquals("""
                5 outstanding allocations (1568 bytes) of 7 allocations, 2 frees
                1 allocations have no block address: cannot be paired, not counted as leaks
                1 frees released blocks allocated before the trace started
                Top 2 stacks with outstanding allocations:
                \t1024 bytes in 1 allocations from stack 1
                \t\tnt!ExAllocatePoolWithTag+0x82e
                \t\tndis+0x2230
                \t\tnt!IopXxxControlFile+0x607
                \t512 bytes in 2 allocations from stack 0
                \t\tnt!ExAllocatePoolWithTag+0x82e
                \t\tmyfault+0x1634
                \t\tnt!IopXxxControlFile+0x607
                """, LeakReport.of(sample()).text(2));
    }
}
