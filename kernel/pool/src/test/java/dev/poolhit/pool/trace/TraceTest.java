package dev.poolhit.pool.trace;

import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.NORMAL;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {
    @Test
    void hitComesBackAsRecorded() {
        Hit h = alloc(0x1000, 0x20, LEAKY);
        assertEquals(h, trace(h).snapshot().hit(0));
    }

    @Test
    void sameCallPathOnAnotherThreadStackIsTheSameStack() {
        List<Frame> moved = new ArrayList<>();
        for (Frame f : LEAKY) {
            moved.add(new Frame(f.childSp() + 0x8000, f.returnAddress(), f.ip(), f.module(), f.function(), f.offset(), f.callSite()));
        }
        TraceSnapshot s = trace(alloc(1, 1, LEAKY), alloc(2, 1, NORMAL), alloc(3, 1, moved)).snapshot();
        assertEquals(0, s.stackId(0));
        assertEquals(1, s.stackId(1));
        assertEquals(0, s.stackId(2));
        assertEquals(2, s.stackCount());
        assertEquals(LEAKY.get(1).childSp() + 0x8000, s.childSp(2, 1));
    }

    @Test
    void snapshotDoesNotSeeLaterHits() {
        Trace t = trace(alloc(1, 1, LEAKY));
        TraceSnapshot before = t.snapshot();
        for (int i = 0; i < 1000; i++) {
            t.append(alloc(i, 1, NORMAL)); // grows the columns past their first arrays
        }
        assertEquals(1, before.size());
        assertEquals(1, before.stackCount());
        assertEquals(1001, t.snapshot().size());
        assertThrows(IndexOutOfBoundsException.class, () -> before.kind(1));
    }

    @Test
    void rowAppendChecksTheStack() {
        Trace t = trace();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.append(
                new HitRow(Missing.LONG, HitKind.ALLOC, Missing.LONG, 1, 1, 0, 0, 0, 0, "", 0, new long[0])));
        assertEquals("stack id 0 not interned (have 0)", e.getMessage());
        int id = t.internStack(LEAKY);
        e = assertThrows(IllegalArgumentException.class, () -> t.append(
                new HitRow(Missing.LONG, HitKind.ALLOC, Missing.LONG, 1, 1, 0, 0, 0, 0, "", id, new long[1])));
        assertEquals("hit has 1 Child-SP values, stack 0 has 3 frames", e.getMessage());
    }

    @Test
    void classifierReadsTheNames() {
        assertEquals(HitKind.ALLOC, HitClassifier.classify("", LEAKY));
        assertEquals(HitKind.FREE, HitClassifier.classify("nt!ExDeferredFreePool+0xb57", List.of()));
        assertEquals(HitKind.UNKNOWN, HitClassifier.classify("myfault!ExAllocateThing+0x10", List.of()));
        assertEquals(1, HitClassifier.callerFrame(List.of("nt", "myfault"), List.of("ExAllocatePoolWithTag", "")));
    }

    @Test
    void callSitesFormatLikeWinDbg() {
        assertEquals("nt!ExAllocatePoolWithTag+0x82e", CallSites.format("nt", "ExAllocatePoolWithTag", 0x82e, 1));
        assertEquals("myfault+0x1634", CallSites.format("myfault", "", 0x1634, 1));
        assertEquals("nt!KiSystemCall64", CallSites.format("nt", "KiSystemCall64", 0, 1));
        assertEquals("fffff800`014798f6", CallSites.format("", "", Missing.LONG, 0xfffff800014798f6L));
        assertEquals("", CallSites.format("", "", Missing.LONG, Missing.LONG));
    }
}
