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
 * @param pointerBytes 8 on x64, 4 on x86 (where kernel addresses are 0x80000000-0xffffffff, zero-extended)
 */
public record ThreadInfo(long kthread, long tid, ProcessInfo process, long initialStack, long stackLimit,
                         long stackBase, int pointerBytes) {
    /** [StackLimit, StackBase) when both are kernel addresses in that order; empty for inconsistent values. */
    public Optional<AddressRange> kernelStack() {
        boolean kernel = isKernel(stackLimit) && isKernel(stackBase);
        if (!kernel || Long.compareUnsigned(stackLimit, stackBase) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(stackLimit, stackBase));
    }

    private boolean isKernel(long address) {
        return pointerBytes == 4 ? address >= 0x80000000L && address <= 0xffffffffL : address < 0;
    }
}
