package dev.poolhit.target.memory;

import dev.poolhit.common.Hex;
import dev.poolhit.target.MemoryAccessException;
import java.util.HashMap;
import java.util.Map;

/**
 * A page cache over a {@link VirtualMemory} that lives for one break epoch (style rule R7): every
 * continue calls {@link #invalidate()}, which drops all pages and bumps {@link #epoch()}. Pages are
 * fetched in chunks no larger than the transport's transfer limit. Every read is masked through the
 * {@link PatchTable}, so callers see original code, never our breakpoints. Thread-safe.
 *
 * <p>A page that cannot be read as a whole (e.g. half of it is paged out) is not cached; the exact
 * requested bytes are then read directly so a valid part of a page still reads.
 */
public final class CachedMemory implements VirtualMemory {
    public static final int PAGE_SIZE = 0x1000;
    private static final System.Logger LOG = System.getLogger(CachedMemory.class.getName());
    private static final long PAGE_MASK = ~(long) (PAGE_SIZE - 1);

    private final VirtualMemory backing;
    private final PatchTable patches;
    private final int maxChunk;
    private final Map<Long, byte[]> pages = new HashMap<>();
    private long epoch;

    /**
     * @param maxChunk the largest single read the backing memory accepts (KD moves at most 0xf80
     *                 bytes per packet; pass that or smaller), a positive divisor-agnostic size
     */
    public CachedMemory(VirtualMemory backing, PatchTable patches, int maxChunk) {
        if (maxChunk <= 0) {
            throw new IllegalArgumentException("maxChunk must be positive: " + maxChunk);
        }
        this.backing = backing;
        this.patches = patches;
        this.maxChunk = maxChunk;
    }

    public PatchTable patches() {
        return patches;
    }

    /** Drops every cached page: the target ran (or memory was written) since the bytes were read. */
    public synchronized void invalidate() {
        pages.clear();
        epoch++;
    }

    /** Drops the pages overlapping one range, e.g. after the debugger wrote there. */
    public synchronized void invalidate(long address, int length) {
        for (long page = address & PAGE_MASK; length > 0 && Long.compareUnsigned(page, address + length - 1) <= 0;
                page += PAGE_SIZE) {
            pages.remove(page);
            if (page + PAGE_SIZE == 0) {
                break;
            }
        }
    }

    /** Number of {@link #invalidate()} calls so far: values read in an older epoch are stale. */
    public synchronized long epoch() {
        return epoch;
    }

    synchronized int cachedPages() {
        return pages.size();
    }

    @Override
    public synchronized byte[] read(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative read length " + length + " at " + Hex.u64(address));
        }
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = address + done;
            long pageBase = at & PAGE_MASK;
            int inPage = (int) (at - pageBase);
            int n = Math.min(length - done, PAGE_SIZE - inPage);
            byte[] page = page(pageBase);
            if (page != null) {
                System.arraycopy(page, inPage, out, done, n);
            } else {
                System.arraycopy(readChunked(at, n), 0, out, done, n);
            }
            done += n;
        }
        patches.mask(address, out);
        return out;
    }

    private byte[] page(long pageBase) {
        byte[] page = pages.get(pageBase);
        if (page == null) {
            try {
                page = readChunked(pageBase, PAGE_SIZE);
            } catch (MemoryAccessException partlyUnreadable) {
                // not an error yet: the caller re-reads just its bytes and reports the exact failing address
                LOG.log(System.Logger.Level.DEBUG, "page not cached: {0}", partlyUnreadable.getMessage());
                return null;
            }
            pages.put(pageBase, page);
        }
        return page;
    }

    private byte[] readChunked(long address, int length) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; done += maxChunk) {
            int n = Math.min(maxChunk, length - done);
            byte[] chunk = backing.read(address + done, n);
            if (chunk.length != n) {
                throw new MemoryAccessException(address + done + chunk.length, "short read: asked 0x"
                        + Integer.toHexString(n) + " bytes at " + Hex.u64(address + done) + ", got 0x"
                        + Integer.toHexString(chunk.length));
            }
            System.arraycopy(chunk, 0, out, done, n);
        }
        return out;
    }
}
