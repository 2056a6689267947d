package dev.poolhit.pool.analysis;

import static dev.poolhit.pool.X86Hits.BARE_IP;
import static dev.poolhit.pool.X86Hits.BLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TestHits;
import dev.poolhit.pool.X86Hits;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class X86TraceTablesTest {
    private final TraceTables tables = TraceTables.of(X86Hits.trace());

    @Test
    void hitsOfAnX86TracePrintEightDigitAddresses() {
        Table hits = tables.hits();
        assertEquals("84a1c008", hits.getString(0, "address"));
        assertEquals("85d3e030", hits.getString(0, "thread"));
        assertEquals("85c81d40", hits.getString(0, "process"));
        assertEquals("8296f8a2", hits.getString(0, "site"), "an unsymbolized site is its address");
        String text = hits.print();
        assertTrue(text.contains("84a1c008"), text);
        assertFalse(text.contains("`"), text);
    }

    @Test
    void valuesStaySignExtendedSoX64AndX86TablesJoin() {
        Table hits = tables.hits();
        assertEquals(BLOCK, hits.longColumn("address").get(0));
        Table x64 = TraceTables.of(TestHits.trace(TestHits.alloc(BLOCK, 0x40, TestHits.LEAKY))).hits();
        assertEquals(hits.longColumn("address").get(0), x64.longColumn("address").get(0));
        assertEquals("ffffffff`84a1c008", x64.getString(0, "address"), "the same value from an x64 trace");
        Table joined = hits.selectColumns("address", "kind").joinOn("address").inner(true,
                x64.selectColumns("address", "size"));
        assertEquals(1, joined.rowCount());
        assertEquals("84a1c008", joined.getString(0, "address"), "the left table's style survives the join");
    }

    @Test
    void framesAndLeaksShowX86CallSitesAndAddresses() {
        Table frames = tables.frames();
        assertEquals("8dd1fa54", frames.getString(0, "child_sp"));
        assertEquals("8d401234", frames.getString(0, "ret_addr"));
        assertEquals("8296f8a7", frames.getString(0, "ip"));
        assertEquals("nt!ExAllocatePoolWithTag+0x5a", frames.getString(0, "call_site"));
        assertEquals("", frames.getString(1, "ret_addr"));
        assertEquals("8d401234", frames.getString(1, "call_site"), "a frame in no module is its bare address");
        assertEquals(BARE_IP, frames.longColumn("ip").get(1));
        assertEquals("8d401234", tables.stackFrames().getString(1, "ip"));
        assertEquals("84a1c008", tables.outstanding().getString(0, "address"));
        String leaks = LeakReport.of(tables).text(5);
        assertTrue(leaks.contains("\t\t8d401234\n"), leaks);
    }
}
