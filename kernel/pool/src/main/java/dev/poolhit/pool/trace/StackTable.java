package dev.poolhit.pool.trace;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned call paths. A stack is the sequence of its frames without their {@code Child-SP}
 * (which differs per thread); each distinct frame and each distinct stack is stored once and
 * numbered densely from 0 in order of first appearance, so stack ids are reproducible from the
 * order of hits alone. Not thread-safe: {@link Trace} guards it.
 */
final class StackTable {
    private final StringPool strings = new StringPool();
    private final Map<FrameKey, Integer> frameIds = new HashMap<>();
    private final List<FrameKey> frames = new ArrayList<>();
    private final Map<StackKey, Integer> stackIds = new HashMap<>();
    private final IntArrayList stackStart = new IntArrayList();
    private final IntArrayList stackDepth = new IntArrayList();
    private final IntArrayList stackFrames = new IntArrayList();

    int intern(List<Frame> stack) {
        int[] ids = new int[stack.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = internFrame(stack.get(i));
        }
        StackKey key = new StackKey(ids);
        Integer existing = stackIds.get(key);
        if (existing != null) {
            return existing;
        }
        int id = stackStart.size();
        stackIds.put(key, id);
        stackStart.add(stackFrames.size());
        stackDepth.add(ids.length);
        stackFrames.addElements(stackFrames.size(), ids);
        return id;
    }

    int count() {
        return stackStart.size();
    }

    int depth(int stackId) {
        return stackDepth.getInt(stackId);
    }

    private int internFrame(Frame f) {
        FrameKey key = new FrameKey(f.returnAddress(), f.ip(), strings.intern(f.module()),
                strings.intern(f.function()), f.offset(), strings.intern(f.callSite()));
        Integer id = frameIds.get(key);
        if (id != null) {
            return id;
        }
        int next = frames.size();
        frames.add(key);
        frameIds.put(key, next);
        return next;
    }

    /** A copy of the interned data; small (distinct stacks and frames only). */
    StackData snapshot() {
        int n = frames.size();
        long[] ret = new long[n];
        long[] ip = new long[n];
        long[] offset = new long[n];
        int[] module = new int[n];
        int[] function = new int[n];
        int[] callSite = new int[n];
        for (int i = 0; i < n; i++) {
            FrameKey k = frames.get(i);
            ret[i] = k.returnAddress();
            ip[i] = k.ip();
            offset[i] = k.offset();
            module[i] = k.module();
            function[i] = k.function();
            callSite[i] = k.callSite();
        }
        return new StackData(stackStart.toIntArray(), stackDepth.toIntArray(),
                stackFrames.toIntArray(), ret, ip, offset, module, function, callSite,
                strings.toArray());
    }

    /** An int[] with value equality, as a hash key. */
    private record StackKey(int[] frameIds) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && Arrays.equals(frameIds, k.frameIds);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(frameIds);
        }

        @Override
        public String toString() {
            return Arrays.toString(frameIds);
        }
    }
}
