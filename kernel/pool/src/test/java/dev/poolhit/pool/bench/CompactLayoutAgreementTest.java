package dev.poolhit.pool.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.analysis.LeakReport;
import dev.poolhit.pool.analysis.LeakStack;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The compact layout and the tables built from it agree, checked against independent
 * reconstructions: Hit records rebuilt per hit, Tablesaw's own grouping, and a naive pairing.
 */
class CompactLayoutAgreementTest {
    private static TraceSnapshot snapshot;
    private static TraceTables tables;

    @BeforeAll
    static void generate() {
        Trace trace = TraceGenerator.generate(4_000, 12, 5);
        snapshot = trace.snapshot();
        tables = TraceTables.of(snapshot);
    }

    @Test
    void hitsTableHoldsEveryHit() {
        Table hits = tables.hits();
        assertEquals(snapshot.size(), hits.rowCount());
        for (int h = 0; h < snapshot.size(); h++) {
            Hit hit = snapshot.hit(h);
            assertEquals(h, hits.intColumn("hit").get(h));
            assertEquals(hit.kind().label(), hits.getString(h, "kind"));
            assertEquals(hit.address(), hits.longColumn("address").getLong(h));
            assertEquals(hit.size(), hits.longColumn("size").getLong(h));
            assertEquals(hit.thread(), hits.longColumn("thread").getLong(h));
            assertEquals(hit.frames().size(), hits.intColumn("depth").get(h));
            assertEquals(hit.siteText(), hits.getString(h, "site"));
        }
    }

    @Test
    void framesTableIsEveryHitsStackInLongForm() {
        Table frames = tables.frames();
        int row = 0;
        for (int h = 0; h < snapshot.size(); h++) {
            for (Frame f : snapshot.hit(h).frames()) {
                assertEquals(h, frames.intColumn("hit").get(row));
                assertEquals(f.childSp(), frames.longColumn("child_sp").getLong(row));
                assertEquals(f.returnAddress(), frames.longColumn("ret_addr").getLong(row));
                assertEquals(f.ip(), frames.longColumn("ip").getLong(row));
                assertEquals(f.callSite(), frames.getString(row, "call_site"));
                row++;
            }
        }
        assertEquals(row, frames.rowCount());
    }

    @Test
    void stacksTableAgreesWithTablesawGrouping() {
        Table hits = tables.hits();
        Table stacks = tables.stacks();
        Table counted = hits.countBy("stack_id");
        Map<Integer, Integer> byStack = new HashMap<>();
        for (int r = 0; r < counted.rowCount(); r++) {
            byStack.put(Integer.parseInt(counted.getString(r, 0)), (int) counted.numberColumn(1).getDouble(r));
        }
        long allocatedBytes = 0;
        for (int r = 0; r < hits.rowCount(); r++) {
            if (hits.getString(r, "kind").equals("alloc")) {
                allocatedBytes += hits.longColumn("size").getLong(r);
            }
        }
        for (int s = 0; s < stacks.rowCount(); s++) {
            assertEquals(byStack.getOrDefault(s, 0), stacks.intColumn("hits").get(s));
        }
        assertEquals(allocatedBytes, stacks.longColumn("bytes").sum(), 0.0);
        assertEquals(snapshot.size(), (int) stacks.intColumn("hits").sum());
    }

    @Test
    void outstandingMatchesANaivePairing() {
        Map<Long, Deque<Integer>> unpaired = new HashMap<>();
        for (int h = 0; h < snapshot.size(); h++) {
            long a = snapshot.address(h);
            if (Missing.is(a)) {
                continue;
            }
            if (snapshot.kind(h) == HitKind.ALLOC) {
                unpaired.computeIfAbsent(a, k -> new ArrayDeque<>()).push(h);
            } else if (snapshot.kind(h) == HitKind.FREE && unpaired.containsKey(a) && !unpaired.get(a).isEmpty()) {
                unpaired.get(a).pop();
            }
        }
        TreeSet<Integer> expected = new TreeSet<>();
        unpaired.values().forEach(expected::addAll);
        Table outstanding = tables.outstanding();
        assertEquals(new ArrayList<>(expected), outstanding.intColumn("hit").asList());
        assertTrue(expected.size() > 100, "the generated leak is visible");
    }

    @Test
    void leakReportSumsTheOutstandingTable() {
        Table outstanding = tables.outstanding();
        List<LeakStack> ranked = LeakReport.of(tables).stacks();
        assertEquals(outstanding.rowCount(), ranked.stream().mapToInt(LeakStack::allocations).sum());
        assertEquals((long) outstanding.longColumn("size").sum(), ranked.stream().mapToLong(LeakStack::bytes).sum());
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).bytes() >= ranked.get(i).bytes());
        }
    }
}
