package dev.poolhit.sim.kernel;

/**
 * A thread object and its kernel stack.
 *
 * @param ethread      ETHREAD (= KTHREAD) address, what state changes report as Thread
 * @param tid          Cid.UniqueThread
 * @param process      owner (KTHREAD.ApcState.Process / Process)
 * @param stackBase    KTHREAD.StackBase: one past the highest stack byte
 * @param initialStack KTHREAD.InitialStack: where the first frame starts (below the FX save area)
 * @param stackLimit   KTHREAD.StackLimit: lowest mapped stack byte (stack is 24 KiB)
 */
public record SimThread(long ethread, long tid, SimProcess process, long stackBase, long initialStack,
                        long stackLimit) {}
