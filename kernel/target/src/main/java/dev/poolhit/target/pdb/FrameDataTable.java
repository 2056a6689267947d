package dev.poolhit.target.pdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A module's FRAMEDATA records sorted by start RVA. Compilers write one record per prologue step,
 * each running to the function end, so the record for an address is the one with the greatest
 * start at or below it that still contains it (as DIA's {@code findFrameByRVA} picks).
 */
public final class FrameDataTable {
    /** Records that overlap an address but start below a non-containing one are rare; bound the search back. */
    private static final int MAX_BACKTRACK = 64;
    private final List<FrameDataEntry> byStart;

    public FrameDataTable(List<FrameDataEntry> entries) {
        List<FrameDataEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(e -> e.data().rvaStart()));
        this.byStart = List.copyOf(sorted);
    }

    public static FrameDataTable empty() {
        return new FrameDataTable(List.of());
    }

    public List<FrameDataEntry> entries() {
        return byStart;
    }

    public int size() {
        return byStart.size();
    }

    /** The record describing the code at {@code rva}, if any. */
    public Optional<FrameDataEntry> lookup(long rva) {
        int lo = 0;
        int hi = byStart.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (byStart.get(mid).data().rvaStart() <= rva) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = found; i >= 0 && i > found - MAX_BACKTRACK; i--) {
            if (byStart.get(i).data().contains(rva)) {
                return Optional.of(byStart.get(i));
            }
        }
        return Optional.empty();
    }

    /** The function-start record of the function holding {@code rva}: its extent is the function's. */
    public Optional<FrameData> function(long rva) {
        Optional<FrameDataEntry> hit = lookup(rva);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        int i = byStart.indexOf(hit.get());
        for (int n = 0; i >= 0 && n < MAX_BACKTRACK; i--, n++) {
            FrameData d = byStart.get(i).data();
            if (d.isFunctionStart() && d.contains(rva)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
