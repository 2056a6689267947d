package dev.poolhit.sim.kernel;

import dev.poolhit.sim.memory.SparseMemory;

/** LIST_ENTRY x64 (Flink u64 at 0, Blink u64 at 8) ring operations on simulated memory. */
final class ListEntries {
    private ListEntries() {}

    static void initHead(SparseMemory memory, long head) {
        memory.put64(head, head);
        memory.put64(head + 8, head);
    }

    /** InsertTailList: {@code entry} becomes the last element before {@code head}. */
    static void insertTail(SparseMemory memory, long head, long entry) {
        long last = memory.u64(head + 8);
        memory.put64(entry, head);
        memory.put64(entry + 8, last);
        memory.put64(last, entry);
        memory.put64(head + 8, entry);
    }
}
