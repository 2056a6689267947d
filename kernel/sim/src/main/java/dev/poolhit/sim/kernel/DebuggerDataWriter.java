package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.memory.SparseMemory;

/**
 * Fills KDDEBUGGER_DATA64 (offsets per kd-protocol.md 7.3) and links it from
 * {@code KdpDebuggerDataListHead}. Pointer fields hold addresses of kernel variables; MmPageSize
 * and the Offset / Size u16 block hold values (the Win7 x64 values of {@link Win7Offsets}).
 */
final class DebuggerDataWriter {
    /** Header.OwnerTag: the bytes "KDBG" read as a little-endian ULONG. */
    static final long OWNER_TAG_KDBG = 0x4742444bL;
    /** Header.Size the simulator reports (the RS1+ size with PteBase, per the issue). */
    static final int BLOCK_SIZE = 0x368;

    private final SparseMemory memory;

    DebuggerDataWriter(SparseMemory memory) {
        this.memory = memory;
    }

    void write(long block, long listHead, KernelGlobals g) {
        memory.map(block, BLOCK_SIZE);
        memory.writeFully(block, new byte[BLOCK_SIZE]);
        ListEntries.initHead(memory, listHead);
        ListEntries.insertTail(memory, listHead, block);
        memory.put32(block + 0x10, OWNER_TAG_KDBG);
        memory.put32(block + 0x14, BLOCK_SIZE);
        memory.put64(block + 0x18, g.kernBase());
        memory.put64(block + 0x20, g.breakpointWithStatus());
        memory.put16(block + 0x36, 1); // PaeEnabled: x64 always runs with PAE paging
        memory.put64(block + 0x48, g.psLoadedModuleList());
        memory.put64(block + 0x50, g.psActiveProcessHead());
        memory.put64(block + 0x138, 0x1000); // MmPageSize is a value, not a pointer
        memory.put64(block + 0x1c8, g.mmHighestUserAddress());
        memory.put64(block + 0x1d0, g.mmSystemRangeStart());
        memory.put64(block + 0x218, g.kiProcessorBlock());
        writeOffsets(block);
    }

    private void writeOffsets(long block) {
        memory.put16(block + 0x298, KTHREAD_NEXT_PROCESSOR.offset());
        memory.put16(block + 0x29a, KTHREAD_TEB.offset());
        memory.put16(block + 0x29c, KTHREAD_KERNEL_STACK.offset());
        memory.put16(block + 0x29e, KTHREAD_INITIAL_STACK.offset());
        memory.put16(block + 0x2a0, KTHREAD_APC_STATE_PROCESS.offset());
        memory.put16(block + 0x2a2, KTHREAD_STATE.offset());
        memory.put16(block + 0x2a8, EPROCESS_SIZE.offset());
        memory.put16(block + 0x2aa, EPROCESS_PEB.offset());
        memory.put16(block + 0x2ac, EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID.offset());
        memory.put16(block + 0x2ae, KPROCESS_DIRECTORY_TABLE_BASE.offset());
        memory.put16(block + 0x2b0, KPRCB_SIZE.offset());
        memory.put16(block + 0x2b4, KPRCB_CURRENT_THREAD.offset());
        memory.put16(block + 0x2bc, KPRCB_CONTEXT_FRAME.offset());
        memory.put16(block + 0x2be, KPRCB_NUMBER.offset());
        memory.put16(block + 0x2c0, ETHREAD_SIZE.offset());
        memory.put16(block + 0x2e0, KPCR_SIZE.offset());
        memory.put16(block + 0x2e2, KPCR_SELF.offset());
        memory.put16(block + 0x2e4, KPCR_CURRENT_PRCB.offset());
        memory.put16(block + 0x2e6, KPCR_PRCB.offset());
        memory.put16(block + 0x2f2, KPRCB_PROCESSOR_STATE.offset());
        int[] gdt = {0x10, 0x18, 0x00, 0x33, 0x2b, 0x00, 0x00, 0x40, 0x23, 0x53};
        for (int i = 0; i < gdt.length; i++) {
            memory.put16(block + 0x2f4 + 2L * i, gdt[i]);
        }
        memory.put16(block + 0x338, KPRCB_CONTEXT_FRAME.offset()); // OffsetPrcbContext (Win7+)
    }
}
