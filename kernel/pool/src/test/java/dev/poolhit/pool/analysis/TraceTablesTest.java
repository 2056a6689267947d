package dev.poolhit.pool.analysis;

import static dev.poolhit.pool.TestHits.FREEING;
import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.NORMAL;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.free;
import static dev.poolhit.pool.TestHits.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TraceTablesTest {
    private static final long BLOCK = 0xfffffa8004ec1860L;

    private static Trace sample() {
        Hit timed = Hit.builder().kind(HitKind.ALLOC).tag(dev.poolhit.pool.TestHits.LEA2).size(0x100).address(BLOCK)
                .processor(1).thread(0xfffffa8003a47b60L).process(0xfffffa8003000040L)
                .site(0xfffff800014798f6L, "nt!ExpAllocateBigPool+0x13a").time(1_764_115_200_123_000_000L)
                .frames(LEAKY).build();
        return trace(timed, alloc(0x2000, 0x80, NORMAL), free(0x2000, FREEING), alloc(Missing.LONG, 0x40, LEAKY));
    }

    private static String types(Table t) {
        return t.columns().stream().map(c -> c.name() + ":" + c.type().name()).collect(Collectors.joining(" "));
    }

    @Test
    void hitsColumnsAndTypes() {
        Table t = TraceTables.of(sample()).hits();
        assertEquals("hits", t.name());
        assertEquals("hit:INTEGER time:INSTANT kind:STRING tag:STRING size:LONG address:LONG processor:INTEGER"
                + " thread:LONG process:LONG site:STRING stack_id:INTEGER depth:INTEGER", types(t));
        assertEquals(4, t.rowCount());
    }

    @Test
    void hitsPrintLikeWinDbgAndMissingStaysEmpty() {
        Table t = TraceTables.of(sample()).hits();
        assertEquals("fffffa80`04ec1860", t.getString(0, "address"));
        assertEquals("fffffa80`03a47b60", t.getString(0, "thread"));
        assertEquals("2025-11-26T00:00:00.123Z", t.getString(0, "time"));
        assertEquals("alloc", t.getString(0, "kind"));
        assertEquals("Lea2", t.getString(0, "tag"));
        assertEquals("nt!ExpAllocateBigPool+0x13a", t.getString(0, "site"));
        assertEquals("", t.getString(3, "address"));
        assertTrue(t.longColumn("address").isMissing(3));
        assertTrue(t.intColumn("processor").isMissing(1));
        assertEquals("free", t.getString(2, "kind"));
        assertEquals(3, t.intColumn("depth").get(0));
    }

    @Test
    void addressFilterKeepsTheFormat() {
        Table t = TraceTables.of(sample()).hits();
        Table one = t.where(t.longColumn("address").isEqualTo(0xfffffa8004ec1860L));
        assertEquals(1, one.rowCount());
        assertEquals("fffffa80`04ec1860", one.getString(0, "address"));
        assertEquals("fffffa80`04ec1860", t.sortDescendingOn("hit").getString(3, "address"));
    }

    @Test
    void framesColumnsAndTypes() {
        Table t = TraceTables.of(sample()).frames();
        assertEquals("frames", t.name());
        assertEquals("hit:INTEGER frame:INTEGER child_sp:LONG ret_addr:LONG ip:LONG module:STRING function:STRING"
                + " offset:LONG call_site:STRING", types(t));
        assertEquals(3 + 3 + 2 + 3, t.rowCount());
        assertEquals("myfault+0x1634", t.getString(1, "call_site"));
        assertEquals("myfault", t.getString(1, "module"));
        assertEquals("", t.getString(1, "function"));
        assertEquals("0x1634", t.getString(1, "offset"));
        assertEquals("fffff880`04ec1710", t.getString(1, "child_sp"));
    }

    @Test
    void stacksCountHitsAllocsFreesAndBytes() {
        Table t = TraceTables.of(sample()).stacks();
        assertEquals("stacks", t.name());
        assertEquals("stack_id:INTEGER signature:STRING hits:INTEGER allocs:INTEGER frees:INTEGER bytes:LONG", types(t));
        assertEquals(List.of(2, 1, 1), t.intColumn("hits").asList());
        assertEquals(List.of(2, 1, 0), t.intColumn("allocs").asList());
        assertEquals(List.of(0, 0, 1), t.intColumn("frees").asList());
        assertEquals(List.of(0x140L, 0x80L, 0L), t.longColumn("bytes").asList());
        assertEquals("nt!ExFreePoolWithTag+0x167 < ndis+0x2400", t.getString(2, "signature"));
    }

    @Test
    void outstandingListsUnfreedAllocationsWithTheirStack() {
        Table t = TraceTables.of(sample()).outstanding();
        assertEquals("outstanding", t.name());
        assertEquals("hit:INTEGER time:INSTANT tag:STRING size:LONG address:LONG thread:LONG process:LONG"
                + " stack_id:INTEGER signature:STRING address_reused:BOOLEAN", types(t));
        assertEquals(List.of(0), t.intColumn("hit").asList());
        assertEquals("fffffa80`04ec1860", t.getString(0, "address"));
        assertEquals(0, t.intColumn("stack_id").get(0));
    }

    @Test
    void outstandingOverTimeIsTheChartSeries() {
        Table t = TraceTables.of(sample()).outstandingOverTime();
        assertEquals(List.of(1, 2, 1, 1), t.intColumn("outstanding").asList());
        assertEquals(List.of(0x100L, 0x180L, 0x100L, 0x100L), t.longColumn("outstanding_bytes").asList());
    }

    @Test
    void hitsPerStackIsTheChartSeriesMostHitFirst() {
        Table t = TraceTables.of(sample()).hitsPerStack();
        assertEquals("hits_per_stack", t.name());
        assertEquals("stack_id:INTEGER caller:STRING hits:INTEGER allocs:INTEGER frees:INTEGER", types(t));
        assertEquals(List.of(0, 1, 2), t.intColumn("stack_id").asList());
        assertEquals(List.of("myfault+0x1634", "ndis+0x2230", "ndis+0x2400"), t.stringColumn("caller").asList());
    }

    @Test
    void stackFramesHoldEachStackOnce() {
        Table t = TraceTables.of(sample()).stackFrames();
        assertEquals("stack_frames", t.name());
        assertEquals(3 + 3 + 2, t.rowCount());
        assertEquals("stack_id:INTEGER frame:INTEGER ret_addr:LONG ip:LONG module:STRING function:STRING"
                + " offset:LONG call_site:STRING", types(t));
    }
}
