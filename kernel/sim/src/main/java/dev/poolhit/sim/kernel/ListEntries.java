package dev.poolhit.sim.kernel;

import dev.poolhit.sim.memory.SparseMemory;

/** LIST_ENTRY ring operations on simulated memory (Flink at 0, Blink one pointer later: 8 or 4 bytes). */
final class ListEntries {
    private ListEntries() {}

    static void initHead(KernelLayout layout, SparseMemory memory, long head) {
        layout.putPointer(memory, head, head);
        layout.putPointer(memory, head + layout.pointerBytes(), head);
    }

    /** InsertTailList: {@code entry} becomes the last element before {@code head}. */
    static void insertTail(KernelLayout layout, SparseMemory memory, long head, long entry) {
        int blink = layout.pointerBytes();
        long last = layout.pointer(memory, head + blink);
        layout.putPointer(memory, entry, head);
        layout.putPointer(memory, entry + blink, last);
        layout.putPointer(memory, last, entry);
        layout.putPointer(memory, head + blink, entry);
    }
}
