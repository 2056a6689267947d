package dev.poolhit.target.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import dev.poolhit.target.MemoryAccessException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedMemoryTest {
    private static final long CODE = 0xfffff800_014798f0L;
    private final byte[] page = new byte[0x2000];
    private final List<String> requests = new ArrayList<>();
    private final VirtualMemory counting = (address, length) -> {
        requests.add(Hex.u64(address) + "+" + Integer.toHexString(length));
        return new SparseMemory().map(0xfffff800_01479000L, page).read(address, length);
    };

    @Test
    void pagesAreFetchedOnceInChunksAndDroppedOnInvalidate() {
        CachedMemory cache = new CachedMemory(counting, new PatchTable(), 0x800);
        page[0x8f6] = (byte) 0xcc;
        assertEquals((byte) 0xcc, cache.read(CODE + 6, 1)[0]);
        cache.read(CODE, 0x10);
        assertEquals(List.of("fffff800`01479000+800", "fffff800`01479800+800"), requests);
        assertEquals(0, cache.epoch());

        page[0x8f6] = (byte) 0x90; // the target ran and changed memory
        assertEquals((byte) 0xcc, cache.read(CODE + 6, 1)[0]); // same epoch: cached bytes
        cache.invalidate();
        assertEquals((byte) 0x90, cache.read(CODE + 6, 1)[0]);
        assertEquals(1, cache.epoch());
        assertEquals(4, requests.size());
    }

    @Test
    void invalidatingARangeDropsOnlyItsPages() {
        CachedMemory cache = new CachedMemory(counting, new PatchTable(), 0x1000);
        cache.read(0xfffff800_01479ff0L, 0x20); // two pages
        assertEquals(2, cache.cachedPages());
        cache.invalidate(0xfffff800_0147a000L, 1);
        assertEquals(1, cache.cachedPages());
        page[0x1000] = 7; // the debugger wrote here
        assertEquals(7, cache.read(0xfffff800_0147a000L, 1)[0]);
        assertEquals(0, cache.epoch());
    }

    @Test
    void readAcrossPagesJoinsThem() {
        CachedMemory cache = new CachedMemory(counting, new PatchTable(), 0x1000);
        page[0xfff] = 1;
        page[0x1000] = 2;
        assertArrayEquals(new byte[] {1, 2}, cache.read(0xfffff800_01479fffL, 2));
        assertEquals(2, cache.cachedPages());
    }

    @Test
    void ourPatchesAreHiddenFromEveryRead() {
        PatchTable patches = new PatchTable();
        CachedMemory cache = new CachedMemory(counting, patches, 0x800);
        page[0x8f6] = (byte) 0xcc; // our int 3 over the original nop... as the target holds it
        patches.record(CODE + 6, (byte) 0x90);
        patches.record(CODE + 6, (byte) 0xcc); // re-patching keeps the first original
        page[0x8f7] = (byte) 0xe9;
        assertArrayEquals(Hex.decode("90 e9"), cache.read(CODE + 6, 2));
        assertArrayEquals(Hex.decode("90"), cache.read(CODE + 6, 1));
        patches.remove(CODE + 6);
        assertEquals((byte) 0xcc, cache.read(CODE + 6, 1)[0]);
    }

    @Test
    void unreadableBytesReportTheFirstFailingAddress() {
        CachedMemory cache = new CachedMemory(counting, new PatchTable(), 0x800);
        MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> cache.read(0xfffff800_0147aff8L, 0x10));
        assertEquals(0xfffff800_0147b000L, e.address());
        assertEquals("memory access failed: cannot read fffff800`0147b000", e.getMessage());
        assertArrayEquals(new byte[8], cache.read(0xfffff800_0147aff8L, 8)); // the readable part still reads
    }

    @Test
    void patchMaskWorksAtTheTopOfTheAddressSpace() {
        PatchTable patches = new PatchTable();
        patches.record(0xffffffff_ffffffffL, (byte) 0x5b);
        byte[] data = {(byte) 0xcc, (byte) 0xcc};
        patches.mask(0xffffffff_fffffffeL, data);
        assertArrayEquals(new byte[] {(byte) 0xcc, 0x5b}, data);
    }
}
