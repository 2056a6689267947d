package dev.poolhit.pool.analysis;

import static dev.poolhit.pool.TestHits.FREEING;
import static dev.poolhit.pool.TestHits.LEAKY;
import static dev.poolhit.pool.TestHits.NORMAL;
import static dev.poolhit.pool.TestHits.alloc;
import static dev.poolhit.pool.TestHits.free;
import static dev.poolhit.pool.TestHits.trace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import org.junit.jupiter.api.Test;

class PairingTest {
    private static final long A = 0xfffffa8004000000L;
    private static final long B = 0xfffffa8004001000L;

    @Test
    void freePairsWithItsAllocation() {
        Pairing p = Pairing.of(trace(alloc(A, 0x100, NORMAL), free(A, FREEING)).snapshot());
        assertEquals(1, p.partner(0));
        assertEquals(0, p.partner(1));
        assertArrayEquals(new int[0], p.outstanding());
        assertEquals(new PairingSummary(1, 1, 0, 1, 0, 0, 0, 0, 0, 0), p.summary());
    }

    @Test
    void reusedAddressPairsEachFreeWithTheAllocationBeforeIt() {
        Pairing p = Pairing.of(trace(alloc(A, 0x100, NORMAL), free(A, FREEING),
                alloc(A, 0x200, LEAKY), free(A, FREEING), alloc(A, 0x40, LEAKY)).snapshot());
        assertEquals(1, p.partner(0));
        assertEquals(3, p.partner(2));
        assertEquals(2, p.partner(3));
        assertArrayEquals(new int[] {4}, p.outstanding());
        assertEquals(0x40, p.summary().outstandingBytes());
        assertFalse(p.addressReused(4));
    }

    @Test
    void freePairsWithTheMostRecentUnpairedAllocationOfItsAddress() {
        // The free of the first block was missed: the address came back while still unpaired.
        Pairing p = Pairing.of(trace(alloc(A, 0x100, NORMAL), alloc(A, 0x200, LEAKY), free(A, FREEING)).snapshot());
        assertEquals(2, p.partner(1));
        assertEquals(-1, p.partner(0));
        assertArrayEquals(new int[] {0}, p.outstanding());
        assertTrue(p.addressReused(0));
    }

    @Test
    void allocationsWithoutAddressAreNotLeaks() {
        Pairing p = Pairing.of(trace(alloc(Missing.LONG, 0x100, LEAKY), alloc(B, 0x80, LEAKY)).snapshot());
        assertArrayEquals(new int[] {1}, p.outstanding());
        assertEquals(1, p.summary().allocsUnknownAddress());
        assertEquals(1, p.summary().outstanding());
        assertEquals(0x80, p.summary().outstandingBytes());
    }

    @Test
    void freesOfBlocksFromBeforeTheTraceAreCountedApart() {
        Pairing p = Pairing.of(trace(free(A, FREEING), alloc(A, 0x100, NORMAL), free(Missing.LONG, FREEING)).snapshot());
        assertEquals(-1, p.partner(0));
        assertArrayEquals(new int[] {1}, p.outstanding());
        assertEquals(1, p.summary().freesBeforeTrace());
        assertEquals(1, p.summary().freesUnknownAddress());
        assertEquals(0, p.summary().paired());
    }

    @Test
    void doubleFreeCountsTheSecondAsBeforeTheTrace() {
        Pairing p = Pairing.of(trace(alloc(A, 0x100, NORMAL), free(A, FREEING), free(A, FREEING)).snapshot());
        assertEquals(1, p.summary().paired());
        assertEquals(1, p.summary().freesBeforeTrace());
    }

    @Test
    void unknownKindIsNeverPaired() {
        Hit unknown = Hit.builder().kind(HitKind.UNKNOWN).address(A).frames(NORMAL).build();
        Pairing p = Pairing.of(trace(alloc(A, 0x100, NORMAL), unknown).snapshot());
        assertEquals(-1, p.partner(0));
        assertEquals(1, p.summary().unknownKind());
        assertArrayEquals(new int[] {0}, p.outstanding());
    }

    @Test
    void outstandingWithoutSizeIsCountedButAddsNoBytes() {
        Pairing p = Pairing.of(trace(alloc(A, Missing.LONG, LEAKY), alloc(B, 0x10, LEAKY)).snapshot());
        assertEquals(2, p.summary().outstanding());
        assertEquals(1, p.summary().outstandingUnknownSize());
        assertEquals(0x10, p.summary().outstandingBytes());
    }
}
