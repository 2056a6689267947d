package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.memory.SparseMemory;
import java.nio.charset.StandardCharsets;

/**
 * Creates EPROCESS/ETHREAD objects (Win7 x64 offsets), links processes into
 * {@code PsActiveProcessHead} and threads into both thread lists, and lays out per-thread kernel
 * stacks of 24 KiB (KERNEL_STACK_SIZE on x64).
 */
final class ProcessTableWriter {
    static final long KERNEL_STACK_SIZE = 0x6000;
    /** Bytes above InitialStack reserved for the thread's FX/XSAVE area. */
    static final long FX_SAVE_AREA = 0x200;
    private static final long STACKS_START = 0xfffff88004ec2000L;
    private static final long STACK_STRIDE = 0x8000;

    private final SparseMemory memory;
    private final BumpAllocator objects;
    private final long activeProcessHead;
    private int stacks;

    ProcessTableWriter(SparseMemory memory, BumpAllocator objects, long activeProcessHead) {
        this.memory = memory;
        this.objects = objects;
        this.activeProcessHead = activeProcessHead;
        ListEntries.initHead(memory, activeProcessHead);
    }

    /** A process in PsActiveProcessHead (unless {@code listed} is false, as for the Idle process). */
    SimProcess createProcess(long pid, String imageFileName, long parentPid, boolean listed) {
        return createProcess(pid, imageFileName, parentPid, listed, 0);
    }

    /** As above, with a user-mode PEB at {@code peb} (written by {@link PebWriter}). */
    SimProcess createProcess(long pid, String imageFileName, long parentPid, boolean listed, long peb) {
        long eprocess = objects.allocate(EPROCESS_SIZE.offset(), 16);
        memory.put8(eprocess, 3); // DISPATCHER_HEADER.Type = ProcessObject
        memory.put64(eprocess + KPROCESS_DIRECTORY_TABLE_BASE.offset(), 0x187000L + pid * 0x1000);
        ListEntries.initHead(memory, eprocess + KPROCESS_THREAD_LIST_HEAD.offset());
        ListEntries.initHead(memory, eprocess + EPROCESS_THREAD_LIST_HEAD.offset());
        memory.put64(eprocess + EPROCESS_UNIQUE_PROCESS_ID.offset(), pid);
        memory.put64(eprocess + EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID.offset(), parentPid);
        memory.put64(eprocess + EPROCESS_PEB.offset(), peb);
        byte[] name = imageFileName.getBytes(StandardCharsets.US_ASCII);
        memory.write(eprocess + EPROCESS_IMAGE_FILE_NAME.offset(), name, 0, Math.min(name.length, 14));
        if (listed) {
            ListEntries.insertTail(memory, activeProcessHead, eprocess + EPROCESS_ACTIVE_PROCESS_LINKS.offset());
        } else {
            ListEntries.initHead(memory, eprocess + EPROCESS_ACTIVE_PROCESS_LINKS.offset());
        }
        return new SimProcess(eprocess, pid, imageFileName, peb);
    }

    SimThread createThread(SimProcess process, long tid, long startAddress) {
        long ethread = objects.allocate(ETHREAD_SIZE.offset(), 16);
        long stackBase = STACKS_START + STACK_STRIDE * stacks++;
        long stackLimit = stackBase - KERNEL_STACK_SIZE;
        long initialStack = stackBase - FX_SAVE_AREA;
        memory.map(stackLimit, KERNEL_STACK_SIZE);
        memory.put8(ethread, 6); // DISPATCHER_HEADER.Type = ThreadObject
        memory.put64(ethread + KTHREAD_INITIAL_STACK.offset(), initialStack);
        memory.put64(ethread + KTHREAD_STACK_LIMIT.offset(), stackLimit);
        memory.put64(ethread + KTHREAD_KERNEL_STACK.offset(), initialStack);
        memory.put64(ethread + KTHREAD_APC_STATE_PROCESS.offset(), process.eprocess());
        memory.put64(ethread + KTHREAD_PROCESS.offset(), process.eprocess());
        memory.put64(ethread + KTHREAD_STACK_BASE.offset(), stackBase);
        memory.put8(ethread + KTHREAD_STATE.offset(), 2); // Running
        memory.put64(ethread + ETHREAD_START_ADDRESS.offset(), startAddress);
        memory.put64(ethread + ETHREAD_WIN32_START_ADDRESS.offset(), startAddress);
        memory.put64(ethread + ETHREAD_CID_UNIQUE_PROCESS.offset(), process.pid());
        memory.put64(ethread + ETHREAD_CID_UNIQUE_THREAD.offset(), tid);
        ListEntries.insertTail(memory, process.eprocess() + KPROCESS_THREAD_LIST_HEAD.offset(),
                ethread + KTHREAD_THREAD_LIST_ENTRY.offset());
        ListEntries.insertTail(memory, process.eprocess() + EPROCESS_THREAD_LIST_HEAD.offset(),
                ethread + ETHREAD_THREAD_LIST_ENTRY.offset());
        return new SimThread(ethread, tid, process, stackBase, initialStack, stackLimit);
    }

    /** KPCR (with its KPRCB at +0x180) for processor {@code number}, idle thread attached. */
    SimProcessor createProcessor(int number, long kpcr, SimThread idle) {
        memory.map(kpcr, KPCR_SIZE.offset());
        long kprcb = kpcr + KPCR_PRCB.offset();
        memory.put64(kpcr + KPCR_SELF.offset(), kpcr);
        memory.put64(kpcr + KPCR_CURRENT_PRCB.offset(), kprcb);
        memory.put64(kprcb + KPRCB_CURRENT_THREAD.offset(), idle.ethread());
        memory.put64(kprcb + KPRCB_IDLE_THREAD.offset(), idle.ethread());
        memory.put32(kprcb + KPRCB_NUMBER.offset(), number);
        return new SimProcessor(number, kpcr, kprcb);
    }
}
