package dev.poolhit.sim.workload;

import java.util.List;

/**
 * One allocation or free the workload performed.
 *
 * @param sequence   0-based order of the event since boot
 * @param timeNanos  simulated time of the event (ticker time, nanoseconds)
 * @param processor  processor it ran on
 * @param thread     KTHREAD address of the thread that ran it
 * @param threadId   Cid.UniqueThread
 * @param processId  UniqueProcessId of the thread's process
 * @param process    ImageFileName of the process
 * @param tag        pool tag as passed by the caller (may carry the protected bit)
 * @param size       requested bytes
 * @param address    block address (the value returned by ExAllocatePoolWithTag / passed to ExFreePoolWithTag)
 * @param kind       alloc or free
 * @param stack      frames from the outermost to the check site ({@code int 3}) of the allocator
 * @param broke      whether the event stopped the machine at its check site
 */
public record GroundTruthEntry(long sequence, long timeNanos, int processor, long thread, long threadId,
                               long processId, String process, int tag, int size, long address,
                               PoolEventKind kind, List<ExpectedFrame> stack, boolean broke) {
    public GroundTruthEntry {
        stack = List.copyOf(stack);
    }

    public GroundTruthEntry withBroke(boolean value) {
        return new GroundTruthEntry(sequence, timeNanos, processor, thread, threadId, processId, process, tag, size,
                address, kind, stack, value);
    }

    /** The tag as four characters ({@code Lea2}), protected bit ignored. */
    public String tagText() {
        int t = tag & 0x7fffffff;
        return new String(new char[] {(char) (t & 0xff), (char) (t >>> 8 & 0xff), (char) (t >>> 16 & 0xff),
                (char) (t >>> 24 & 0xff)});
    }
}
