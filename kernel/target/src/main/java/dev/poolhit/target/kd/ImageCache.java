package dev.poolhit.target.kd;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The immutable parts of loaded images (PE headers and sections that are neither writable nor
 * discardable: code, .rdata with UNWIND_INFO, .pdata), cached across break epochs. Without it
 * every hit of a trace re-read the same headers, unwind data and code pages, because the page
 * cache above ({@code CachedMemory}) is dropped at every continue (rule R7 keeps that for stacks
 * and data). Pages hold the original bytes (our breakpoints and patches masked out), so later
 * code edits never make them stale. Everything is dropped when the module list changes (load or
 * unload) or the target reboots; a write into an image drops the pages it touches.
 */
final class ImageCache implements VirtualMemory {
    private static final int PAGE = 0x1000;
    private static final long SCN_DISCARDABLE = 0x02000000L;
    private static final long SCN_WRITE = 0x80000000L;

    /** One immutable region of one image, absolute addresses, end exclusive. */
    private record Region(long start, long end) {
        boolean holds(long address, int length) {
            return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address + length, end) <= 0;
        }
    }

    private final VirtualMemory raw;
    private final PatchTable patches;
    private final int maxChunk;
    private final IntSupplier reboots;
    private final Supplier<ModuleList> modules;
    private final Map<Long, List<Region>> regions = new HashMap<>();
    private final Map<Long, byte[]> pages = new HashMap<>();
    private ModuleList seenModules;
    private int seenReboots;

    ImageCache(VirtualMemory raw, PatchTable patches, int maxChunk, IntSupplier reboots, Supplier<ModuleList> modules) {
        this.raw = raw;
        this.patches = patches;
        this.maxChunk = maxChunk;
        this.reboots = reboots;
        this.modules = modules;
    }

    @Override
    public synchronized byte[] read(long address, int length) {
        Region region = immutableRegion(address, length);
        if (region == null) {
            return raw.read(address, length);
        }
        byte[] out = new byte[length];
        long at = address;
        while (at - address < length) {
            long page = at & -PAGE;
            byte[] bytes = pages.computeIfAbsent(page, p -> fill(p, region));
            int from = (int) (at - page);
            int n = (int) Math.min(PAGE - from, length - (at - address));
            System.arraycopy(bytes, from, out, (int) (at - address), n);
            at += n;
        }
        return out;
    }

    /** Drops cached pages a write touches (writes into images are rare: a user poking code). */
    synchronized void forget(long address, int length) {
        for (long page = address & -PAGE; Long.compareUnsigned(page, address + length) < 0; page += PAGE) {
            pages.remove(page);
        }
    }

    /** The page clipped to its region (the rest stays zero and is never served), original bytes. */
    private byte[] fill(long page, Region region) {
        byte[] bytes = new byte[PAGE];
        long start = Long.compareUnsigned(page, region.start()) < 0 ? region.start() : page;
        long end = Long.compareUnsigned(page + PAGE, region.end()) > 0 ? region.end() : page + PAGE;
        for (long at = start; Long.compareUnsigned(at, end) < 0; at += maxChunk) {
            int n = (int) Math.min(maxChunk, end - at);
            System.arraycopy(raw.read(at, n), 0, bytes, (int) (at - page), n);
        }
        patches.mask(page, bytes);
        return bytes;
    }

    private Region immutableRegion(long address, int length) {
        ModuleList current = modules.get();
        int boots = reboots.getAsInt();
        if (current != seenModules || boots != seenReboots) {
            regions.clear();
            pages.clear();
            seenModules = current;
            seenReboots = boots;
        }
        if (current == null || length <= 0) {
            return null;
        }
        Module m = current.find(address).orElse(null);
        if (m == null) {
            return null;
        }
        for (Region r : regions.computeIfAbsent(m.base(), b -> regionsOf(m))) {
            if (r.holds(address, length)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Headers and every section without MEM_WRITE or MEM_DISCARDABLE, each extended to the end of
     * its last page (memory past VirtualSize is the same page, zero-filled) unless the next
     * section starts inside that page. None when the header is unreadable or not PE.
     */
    private List<Region> regionsOf(Module m) {
        byte[] h = new byte[PAGE];
        try {
            for (int at = 0; at < PAGE; at += maxChunk) {
                int n = Math.min(maxChunk, PAGE - at);
                System.arraycopy(raw.read(m.base() + at, n), 0, h, at, n);
            }
        } catch (RuntimeException e) { // paged-out header: this module's pages are simply not cached
            return List.of();
        }
        int nt = LittleEndian.i32(h, 0x3c);
        if (nt < 0 || nt + 24 + 64 > PAGE || LittleEndian.u32(h, nt) != 0x4550) {
            return List.of();
        }
        int count = LittleEndian.u16(h, nt + 6);
        int table = nt + 24 + LittleEndian.u16(h, nt + 20);
        List<long[]> sections = new ArrayList<>(); // {va, size, flags}, in table order (ascending VA)
        sections.add(new long[] {0, LittleEndian.u32(h, nt + 24 + 60), 0});
        for (int i = 0; i < count && table + 40 * (i + 1) <= PAGE; i++) {
            int at = table + 40 * i;
            sections.add(new long[] {LittleEndian.u32(h, at + 12), LittleEndian.u32(h, at + 8), LittleEndian.u32(h, at + 36)});
        }
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            long[] s = sections.get(i);
            long end = Math.min(roundUp(s[0] + s[1]), i + 1 < sections.size() ? sections.get(i + 1)[0] : m.size());
            if ((s[2] & (SCN_WRITE | SCN_DISCARDABLE)) == 0 && s[1] > 0 && end > s[0] && end <= m.size()) {
                out.add(new Region(m.base() + s[0], m.base() + end));
            }
        }
        return out;
    }

    private static long roundUp(long offset) {
        return (offset + PAGE - 1) & -PAGE;
    }
}
