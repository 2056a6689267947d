package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.memory.SparseMemory;
import java.nio.charset.StandardCharsets;

/**
 * Creates EPROCESS/ETHREAD objects (Win7 x64 offsets), links processes into
 * {@code PsActiveProcessHead} and threads into both thread lists, and lays out per-thread kernel
 * stacks of KERNEL_STACK_SIZE (24 KiB x64, 12 KiB x86).
 */
final class ProcessTableWriter {
    private final KernelLayout layout;
    private final SparseMemory memory;
    private final BumpAllocator objects;
    private final long activeProcessHead;
    private int stacks;

    ProcessTableWriter(KernelLayout layout, SparseMemory memory, BumpAllocator objects, long activeProcessHead) {
        this.layout = layout;
        this.memory = memory;
        this.objects = objects;
        this.activeProcessHead = activeProcessHead;
        ListEntries.initHead(layout, memory, activeProcessHead);
    }

    /** A process in PsActiveProcessHead (unless {@code listed} is false, as for the Idle process). */
    SimProcess createProcess(long pid, String imageFileName, long parentPid, boolean listed) {
        return createProcess(pid, imageFileName, parentPid, listed, 0);
    }

    /** As above, with a user-mode PEB at {@code peb} (written by {@link PebWriter}). */
    SimProcess createProcess(long pid, String imageFileName, long parentPid, boolean listed, long peb) {
        long eprocess = objects.allocate(layout.offset(EPROCESS_SIZE), 16);
        memory.put8(eprocess, 3); // DISPATCHER_HEADER.Type = ProcessObject
        layout.putPointer(memory, eprocess + layout.offset(KPROCESS_DIRECTORY_TABLE_BASE), 0x187000L + pid * 0x1000);
        ListEntries.initHead(layout, memory, eprocess + layout.offset(KPROCESS_THREAD_LIST_HEAD));
        ListEntries.initHead(layout, memory, eprocess + layout.offset(EPROCESS_THREAD_LIST_HEAD));
        layout.putPointer(memory, eprocess + layout.offset(EPROCESS_UNIQUE_PROCESS_ID), pid);
        layout.putPointer(memory, eprocess + layout.offset(EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID), parentPid);
        layout.putPointer(memory, eprocess + layout.offset(EPROCESS_PEB), peb);
        byte[] name = imageFileName.getBytes(StandardCharsets.US_ASCII);
        memory.write(eprocess + layout.offset(EPROCESS_IMAGE_FILE_NAME), name, 0, Math.min(name.length, 14));
        if (listed) {
            ListEntries.insertTail(layout, memory, activeProcessHead,
                    eprocess + layout.offset(EPROCESS_ACTIVE_PROCESS_LINKS));
        } else {
            ListEntries.initHead(layout, memory, eprocess + layout.offset(EPROCESS_ACTIVE_PROCESS_LINKS));
        }
        return new SimProcess(eprocess, pid, imageFileName, peb);
    }

    SimThread createThread(SimProcess process, long tid, long startAddress) {
        long ethread = objects.allocate(layout.offset(ETHREAD_SIZE), 16);
        long stackBase = layout.stacksStart() + layout.stackStride() * stacks++;
        long stackLimit = stackBase - layout.kernelStackSize();
        long initialStack = stackBase - layout.fxSaveArea();
        memory.map(stackLimit, layout.kernelStackSize());
        memory.put8(ethread, 6); // DISPATCHER_HEADER.Type = ThreadObject
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_INITIAL_STACK), initialStack);
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_STACK_LIMIT), stackLimit);
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_KERNEL_STACK), initialStack);
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_APC_STATE_PROCESS), process.eprocess());
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_PROCESS), process.eprocess());
        layout.putPointer(memory, ethread + layout.offset(KTHREAD_STACK_BASE), stackBase);
        memory.put8(ethread + layout.offset(KTHREAD_STATE), 2); // Running
        layout.putPointer(memory, ethread + layout.offset(ETHREAD_START_ADDRESS), startAddress);
        layout.putPointer(memory, ethread + layout.offset(ETHREAD_WIN32_START_ADDRESS), startAddress);
        layout.putPointer(memory, ethread + layout.offset(ETHREAD_CID_UNIQUE_PROCESS), process.pid());
        layout.putPointer(memory, ethread + layout.offset(ETHREAD_CID_UNIQUE_THREAD), tid);
        ListEntries.insertTail(layout, memory, process.eprocess() + layout.offset(KPROCESS_THREAD_LIST_HEAD),
                ethread + layout.offset(KTHREAD_THREAD_LIST_ENTRY));
        ListEntries.insertTail(layout, memory, process.eprocess() + layout.offset(EPROCESS_THREAD_LIST_HEAD),
                ethread + layout.offset(ETHREAD_THREAD_LIST_ENTRY));
        return new SimThread(ethread, tid, process, stackBase, initialStack, stackLimit);
    }

    /** KPCR (with its KPRCB at +0x180) for processor {@code number}, idle thread attached. */
    SimProcessor createProcessor(int number, long kpcr, SimThread idle) {
        memory.map(kpcr, layout.offset(KPCR_SIZE));
        long kprcb = kpcr + layout.offset(KPCR_PRCB);
        layout.putPointer(memory, kpcr + layout.offset(KPCR_SELF), kpcr);
        layout.putPointer(memory, kpcr + layout.offset(KPCR_CURRENT_PRCB), kprcb);
        layout.putPointer(memory, kprcb + layout.offset(KPRCB_CURRENT_THREAD), idle.ethread());
        layout.putPointer(memory, kprcb + layout.offset(KPRCB_IDLE_THREAD), idle.ethread());
        memory.put32(kprcb + layout.offset(KPRCB_NUMBER), number);
        return new SimProcessor(number, kpcr, kprcb);
    }
}
