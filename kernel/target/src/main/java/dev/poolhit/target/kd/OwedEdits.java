package dev.poolhit.target.kd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one {@link KdTarget} changed in target code and has not undone yet, taken from it after its
 * link was lost, so that a new {@code KdTarget} attached to the same boot can {@linkplain
 * KdTarget#adopt adopt} the edits and undo them on its own link. Only the old target knows the
 * code's own byte under each breakpoint (the target reads back {@code 0xcc} there).
 *
 * @param kernBase            ntoskrnl's base when the edits were made
 * @param bootClock           KUSER_SHARED_DATA.InterruptTime (100 ns units since boot) read at the old
 *                            attach; empty when unreadable or zero
 * @param breakpoints         address to the target's breakpoint handle
 * @param breakpointOriginals address to the code's own byte under that breakpoint
 * @param patches             address to the code's own byte we overwrote (or were writing when the link died)
 * @param unconfirmed         breakpoints whose WriteBreakPoint went unanswered when the link died: address to
 *                            the code's own byte; the target may hold them under a handle we never learned
 */
public record OwedEdits(long kernBase, OptionalLong bootClock, Map<Long, Integer> breakpoints,
                        Map<Long, Byte> breakpointOriginals, Map<Long, Byte> patches, Map<Long, Byte> unconfirmed) {
    public OwedEdits {
        breakpoints = copy(breakpoints);
        breakpointOriginals = copy(breakpointOriginals);
        patches = copy(patches);
        unconfirmed = copy(unconfirmed);
        if (!breakpointOriginals.keySet().equals(breakpoints.keySet())) {
            throw new IllegalArgumentException("every breakpoint needs its original byte: breakpoints at "
                    + breakpoints.keySet() + ", originals at " + breakpointOriginals.keySet());
        }
    }

    /** True when no breakpoint or patch is owed. */
    public boolean isEmpty() {
        return breakpoints.isEmpty() && patches.isEmpty() && unconfirmed.isEmpty();
    }

    /** {@code 2 breakpoints, 1 patch}; empty text when nothing is owed. */
    public String counts() {
        StringBuilder out = new StringBuilder();
        if (!breakpoints.isEmpty()) {
            out.append(breakpoints.size()).append(breakpoints.size() == 1 ? " breakpoint" : " breakpoints");
        }
        if (!patches.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append(patches.size()).append(patches.size() == 1 ? " patch" : " patches");
        }
        if (!unconfirmed.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append(unconfirmed.size()).append(" unconfirmed breakpoint")
                    .append(unconfirmed.size() == 1 ? "" : "s");
        }
        return out.toString();
    }

    private static <V> Map<Long, V> copy(Map<Long, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
