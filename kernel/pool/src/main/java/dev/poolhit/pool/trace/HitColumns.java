package dev.poolhit.pool.trace;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hits, one primitive array per column (about 80 bytes a hit plus 8 per frame), append-only.
 * Because rows below the published size are never written again, a snapshot may share the
 * backing arrays instead of copying them. Not thread-safe: {@link Trace} guards it.
 */
final class HitColumns {
    private final LongArrayList time = new LongArrayList();
    private final ByteArrayList kind = new ByteArrayList();
    private final LongArrayList tag = new LongArrayList();
    private final LongArrayList size = new LongArrayList();
    private final LongArrayList address = new LongArrayList();
    private final IntArrayList processor = new IntArrayList();
    private final LongArrayList thread = new LongArrayList();
    private final LongArrayList process = new LongArrayList();
    private final IntArrayList site = new IntArrayList();
    private final IntArrayList stack = new IntArrayList();
    private final IntArrayList spStart = new IntArrayList();
    private final LongArrayList childSp = new LongArrayList();
    private final Map<Site, Integer> siteIds = new HashMap<>();
    private final List<Site> sites = new ArrayList<>();

    int append(HitRow r) {
        int n = time.size();
        time.add(r.time());
        kind.add((byte) r.kind().ordinal());
        tag.add(r.tag());
        size.add(r.size());
        address.add(r.address());
        processor.add(r.processor());
        thread.add(r.thread());
        process.add(r.process());
        site.add(internSite(new Site(r.siteAddress(), r.siteSymbol())));
        stack.add(r.stackId());
        spStart.add(childSp.size());
        childSp.addElements(childSp.size(), r.childSp());
        return n;
    }

    int size() {
        return time.size();
    }

    private int internSite(Site s) {
        Integer id = siteIds.get(s);
        if (id != null) {
            return id;
        }
        sites.add(s);
        siteIds.put(s, sites.size() - 1);
        return sites.size() - 1;
    }

    TraceSnapshot snapshot(TraceInfo info, List<ModuleInfo> modules, StackData stacks) {
        return new TraceSnapshot(info, List.copyOf(modules), size(), time.elements(),
                kind.elements(), tag.elements(), size.elements(), address.elements(),
                processor.elements(), thread.elements(), process.elements(), site.elements(),
                List.copyOf(sites), stack.elements(), spStart.elements(), childSp.elements(),
                stacks);
    }
}
