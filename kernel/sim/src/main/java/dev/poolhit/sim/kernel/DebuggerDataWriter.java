package dev.poolhit.sim.kernel;

import static dev.poolhit.sim.kernel.Win7Offsets.*;

import dev.poolhit.sim.memory.SparseMemory;

/**
 * Fills KDDEBUGGER_DATA64 (offsets per kd-protocol.md 7.3; the same on x86, 12.6) and links it from
 * {@code KdpDebuggerDataListHead}. Pointer fields hold addresses of kernel variables (u64 on both
 * architectures; on x86 sign-extended from bit 31 as the kernel's {@code (ULONG64)(LONG_PTR)} casts
 * give, and Header.List is a 32-bit LIST_ENTRY); MmPageSize and the Offset / Size u16 block hold
 * values of {@link Win7Offsets} / {@link Win7X86Offsets}.
 */
final class DebuggerDataWriter {
    /** Header.OwnerTag: the bytes "KDBG" read as a little-endian ULONG. */
    static final long OWNER_TAG_KDBG = 0x4742444bL;
    /** Header.Size the simulator reports (the RS1+ size with PteBase, per the issue). */
    static final int BLOCK_SIZE = 0x368;
    private static final int[] GDT_X64 = {0x10, 0x18, 0x00, 0x33, 0x2b, 0x00, 0x00, 0x40, 0x23, 0x53};
    /** GdtR0Code, R0Data, R0Pcr, R3Code, R3Data, R3Teb, Ldt, Tss (kd-protocol.md 12.6), then no x64 slots. */
    private static final int[] GDT_X86 = {0x08, 0x10, 0x30, 0x18, 0x20, 0x38, 0x48, 0x28, 0x00, 0x00};

    private final KernelLayout layout;
    private final SparseMemory memory;

    DebuggerDataWriter(KernelLayout layout, SparseMemory memory) {
        this.layout = layout;
        this.memory = memory;
    }

    void write(long block, long listHead, KernelGlobals g) {
        memory.map(block, BLOCK_SIZE);
        memory.writeFully(block, new byte[BLOCK_SIZE]);
        ListEntries.initHead(layout, memory, listHead);
        ListEntries.insertTail(layout, memory, listHead, block);
        memory.put32(block + 0x10, OWNER_TAG_KDBG);
        memory.put32(block + 0x14, BLOCK_SIZE);
        memory.put64(block + 0x18, wide(g.kernBase()));
        memory.put64(block + 0x20, wide(g.breakpointWithStatus()));
        memory.put16(block + 0x36, 1); // PaeEnabled: x64 always pages with PAE, the x86 machine is the PAE kernel
        memory.put64(block + 0x48, wide(g.psLoadedModuleList()));
        memory.put64(block + 0x50, wide(g.psActiveProcessHead()));
        memory.put64(block + 0x138, 0x1000); // MmPageSize is a value, not a pointer
        memory.put64(block + 0x1c8, wide(g.mmHighestUserAddress()));
        memory.put64(block + 0x1d0, wide(g.mmSystemRangeStart()));
        memory.put64(block + 0x218, wide(g.kiProcessorBlock()));
        writeOffsets(block);
    }

    private long wide(long address) {
        return layout.x86() ? (long) (int) address : address;
    }

    private void writeOffsets(long block) {
        memory.put16(block + 0x298, layout.offset(KTHREAD_NEXT_PROCESSOR));
        memory.put16(block + 0x29a, layout.offset(KTHREAD_TEB));
        memory.put16(block + 0x29c, layout.offset(KTHREAD_KERNEL_STACK));
        memory.put16(block + 0x29e, layout.offset(KTHREAD_INITIAL_STACK));
        memory.put16(block + 0x2a0, layout.offset(KTHREAD_APC_STATE_PROCESS));
        memory.put16(block + 0x2a2, layout.offset(KTHREAD_STATE));
        memory.put16(block + 0x2a8, layout.offset(EPROCESS_SIZE));
        memory.put16(block + 0x2aa, layout.offset(EPROCESS_PEB));
        memory.put16(block + 0x2ac, layout.offset(EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID));
        memory.put16(block + 0x2ae, layout.offset(KPROCESS_DIRECTORY_TABLE_BASE));
        memory.put16(block + 0x2b0, layout.offset(KPRCB_SIZE));
        memory.put16(block + 0x2b4, layout.offset(KPRCB_CURRENT_THREAD));
        memory.put16(block + 0x2bc, layout.offset(KPRCB_CONTEXT_FRAME));
        memory.put16(block + 0x2be, layout.offset(KPRCB_NUMBER));
        memory.put16(block + 0x2c0, layout.offset(ETHREAD_SIZE));
        memory.put16(block + 0x2e0, layout.offset(KPCR_SIZE));
        memory.put16(block + 0x2e2, layout.offset(KPCR_SELF));
        memory.put16(block + 0x2e4, layout.offset(KPCR_CURRENT_PRCB));
        memory.put16(block + 0x2e6, layout.offset(KPCR_PRCB));
        memory.put16(block + 0x2f2, layout.offset(KPRCB_PROCESSOR_STATE));
        int[] gdt = layout.x86() ? GDT_X86 : GDT_X64;
        for (int i = 0; i < gdt.length; i++) {
            memory.put16(block + 0x2f4 + 2L * i, gdt[i]);
        }
        // OffsetPrcbContext (Win7+): x64 keeps it at the context frame, x86 has KPRCB.Context
        memory.put16(block + 0x338, layout.x86() ? Win7X86Offsets.KPRCB_CONTEXT.offset()
                : layout.offset(KPRCB_CONTEXT_FRAME));
    }
}
