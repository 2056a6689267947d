package dev.poolhit.target.memory;

import dev.poolhit.target.MemoryAccessException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Target memory held in the host: a few mapped regions (an image, a stack), everything else
 * unreadable. For tests, dumps and the simulator's images. Regions must not overlap. Thread-safe.
 */
public final class SparseMemory implements VirtualMemory {
    private final NavigableMap<Long, byte[]> regions = new TreeMap<>(Long::compareUnsigned);

    /** Maps {@code bytes} at {@code base} (the array is kept, so later writes to it show through). */
    public synchronized SparseMemory map(long base, byte[] bytes) {
        regions.put(base, bytes);
        return this;
    }

    @Override
    public synchronized byte[] read(long address, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = address + done;
            Map.Entry<Long, byte[]> region = regions.floorEntry(at);
            long off = region == null ? -1 : at - region.getKey();
            if (region == null || Long.compareUnsigned(off, region.getValue().length) >= 0) {
                throw new MemoryAccessException(at);
            }
            int n = (int) Math.min(length - done, region.getValue().length - off);
            System.arraycopy(region.getValue(), (int) off, out, done, n);
            done += n;
        }
        return out;
    }
}
