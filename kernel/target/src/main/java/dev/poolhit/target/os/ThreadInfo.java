package dev.poolhit.target.os;

import dev.poolhit.common.AddressRange;
import java.util.Optional;

/**
 * A thread as its KTHREAD/ETHREAD say: id, the process whose address space it runs in
 * (ApcState.Process, which is what user addresses on its stack refer to) and its kernel stack.
 *
 * @param kthread      KTHREAD (= ETHREAD) address
 * @param tid          Cid.UniqueThread
 * @param process      the process of ApcState.Process
 * @param initialStack KTHREAD.InitialStack
 * @param stackLimit   KTHREAD.StackLimit
 * @param stackBase    KTHREAD.StackBase
 */
public record ThreadInfo(long kthread, long tid, ProcessInfo process, long initialStack, long stackLimit,
                         long stackBase) {
    /** [StackLimit, StackBase) when both are kernel addresses in that order; empty for inconsistent values. */
    public Optional<AddressRange> kernelStack() {
        boolean kernel = stackLimit < 0 && stackBase < 0;
        if (!kernel || Long.compareUnsigned(stackLimit, stackBase) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(stackLimit, stackBase));
    }
}
