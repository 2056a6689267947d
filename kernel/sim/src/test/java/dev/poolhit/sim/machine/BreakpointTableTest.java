package dev.poolhit.sim.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.sim.memory.SparseMemory;
import org.junit.jupiter.api.Test;

class BreakpointTableTest {
    private static final long CODE = 0xfffff80002a01000L;
    private final SparseMemory memory = new SparseMemory();
    private final BreakpointTable table = new BreakpointTable(memory);

    BreakpointTableTest() {
        memory.map(CODE, 0x1000);
        memory.writeFully(CODE, new byte[] {0x48, (byte) 0x89, 0x4c, 0x24, 0x08});
    }

    @Test
    void writeReturnsIndexPlusOneAndMemoryShowsInt3() {
        assertEquals(1, table.write(CODE).getAsInt());
        assertEquals(2, table.write(CODE + 1).getAsInt());
        assertEquals(0xcc, memory.u8(CODE));
        byte[] original = new byte[5];
        assertEquals(5, table.readOriginal(CODE, original, 0, 5));
        assertArrayEquals(new byte[] {0x48, (byte) 0x89, 0x4c, 0x24, 0x08}, original);
    }

    @Test
    void duplicateFullAndUnmappedFail() {
        assertTrue(table.write(CODE).isPresent());
        assertTrue(table.write(CODE).isEmpty(), "duplicate");
        assertTrue(table.write(0x1000).isEmpty(), "unmapped");
        for (int i = 1; i < BreakpointTable.CAPACITY; i++) {
            assertTrue(table.write(CODE + 0x10 + i).isPresent());
        }
        assertTrue(table.write(CODE + 0x800).isEmpty(), "table of 32 full");
    }

    @Test
    void restorePutsTheByteBackAndFreesTheSlot() {
        int handle = table.write(CODE).getAsInt();
        assertTrue(table.restore(handle));
        assertEquals(0x48, memory.u8(CODE));
        assertFalse(table.restore(handle), "already free");
        assertFalse(table.restore(0), "handle 0");
        assertFalse(table.restore(33), "beyond the table");
        assertEquals(1, table.write(CODE + 2).getAsInt(), "slot reused");
    }
}
