package dev.poolhit.sim.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseMemoryTest {
    private final SparseMemory memory = new SparseMemory();

    @Test
    void readStopsAtTheFirstUnmappedPageAndReportsTheCount() {
        memory.map(0xfffff88004ec1000L, 0x1000);
        byte[] into = new byte[0x20];
        assertEquals(0x10, memory.read(0xfffff88004ec1ff0L, into, 0, 0x20));
        assertEquals(0, memory.read(0xfffff88004ec2000L, into, 0, 1));
    }

    @Test
    void writesCrossPagesAndReadBack() {
        memory.map(0xfffffa8000000ff8L, 0x10);
        memory.put64(0xfffffa8000000ffcL, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, memory.u64(0xfffffa8000000ffcL));
        assertEquals(2, memory.mappedPageCount());
        assertArrayEquals(new byte[] {(byte) 0x88, 0x77}, memory.readFully(0xfffffa8000000ffcL, 2));
    }

    @Test
    void mappingTheTopPageOfTheAddressSpaceTerminates() {
        memory.map(0xfffffffffffff000L, 0x1000);
        assertTrue(memory.isMapped(-1L));
        assertFalse(memory.isMapped(0));
    }

    @Test
    void unmappedAccessNamesTheAddress() {
        MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> memory.u32(0xfffff80002a00000L));
        assertEquals("read: address fffff800`02a00000 not mapped (length 0x4)", e.getMessage());
        assertEquals(0xfffff80002a00000L, e.address());
    }
}
