package dev.poolhit.sim.kernel;

import java.util.List;

/**
 * Field offsets of Windows 7 SP1 x86 (build 7601, PAE kernel ntkrpamp/ntkrnlpa) kernel structures
 * the simulator lays out on the 32-bit machine: the x86 counterpart of {@link Win7Offsets}, row for
 * row under the same names (plus the x86-only KPCR.KdVersionBlock and KTRAP_FRAME rows), for a
 * client's x86 offset table to be checked against.
 *
 * <p>Sources: the public symbol-derived headers in {@code ntdiff/headers}
 * {@code Win7_SP1/x86/System32/ntoskrnl.exe/Standalone/}: {@code _KPCR.h} (KPCR SelfPcr 0x1c, Prcb
 * 0x20, KdVersionBlock 0x34, PrcbData 0x120, size 0x3748; KPRCB CurrentThread 4, NextThread 8,
 * IdleThread 0xc, ProcessorState 0x18 = ContextFrame, its SpecialRegisters at 0x18 + 0x2cc, Number
 * 0x3cc, Context 0x3618, size 0x3628), {@code _KTHREAD.h} / {@code _ETHREAD.h} (size 0x200 / 0x2b8),
 * {@code _EPROCESS.h} (UniqueProcessId 0xb4, ActiveProcessLinks 0xb8, ImageFileName 0x16c, Peb
 * 0x1a8, size 0x2c0; KPROCESS DirectoryTableBase 0x18, ThreadListHead 0x2c). The loader entries
 * use the 32-bit LDR_DATA_TABLE_ENTRY (kd-protocol.md 12.6: DllBase 0x18, SizeOfImage 0x20,
 * FullDllName 0x24, BaseDllName 0x2c, CheckSum 0x40, TimeDateStamp 0x44, size 0x78), PEB
 * (ImageBaseAddress 8, Ldr 0xc, size 0x248) and PEB_LDR_DATA (lists at 0xc/0x14/0x1c, size 0x30)
 * from the same repository's x86 {@code _PEB.h}. KTRAP_FRAME: kd-protocol.md 12.7 (0x8c bytes).
 */
public enum Win7X86Offsets {
    KPCR_SELF("KPCR", "SelfPcr", 0x1c),
    KPCR_CURRENT_PRCB("KPCR", "Prcb", 0x20),
    KPCR_KD_VERSION_BLOCK("KPCR", "KdVersionBlock", 0x34),
    KPCR_PRCB("KPCR", "PrcbData", 0x120),
    KPCR_SIZE("KPCR", "sizeof", 0x3748),
    KPRCB_CURRENT_THREAD("KPRCB", "CurrentThread", 0x04),
    KPRCB_NEXT_THREAD("KPRCB", "NextThread", 0x08),
    KPRCB_IDLE_THREAD("KPRCB", "IdleThread", 0x0c),
    KPRCB_NUMBER("KPRCB", "Number", 0x3cc),
    KPRCB_PROCESSOR_STATE("KPRCB", "ProcessorState.SpecialRegisters", 0x2e4),
    KPRCB_CONTEXT_FRAME("KPRCB", "ProcessorState.ContextFrame", 0x18),
    KPRCB_CONTEXT("KPRCB", "Context", 0x3618),
    KPRCB_SIZE("KPRCB", "sizeof", 0x3628),
    KTHREAD_INITIAL_STACK("KTHREAD", "InitialStack", 0x28),
    KTHREAD_STACK_LIMIT("KTHREAD", "StackLimit", 0x2c),
    KTHREAD_KERNEL_STACK("KTHREAD", "KernelStack", 0x30),
    KTHREAD_APC_STATE_PROCESS("KTHREAD", "ApcState.Process", 0x50),
    KTHREAD_NEXT_PROCESSOR("KTHREAD", "NextProcessor", 0x58),
    KTHREAD_TEB("KTHREAD", "Teb", 0x88),
    KTHREAD_STATE("KTHREAD", "State", 0x68),
    KTHREAD_PROCESS("KTHREAD", "Process", 0x150),
    KTHREAD_STACK_BASE("KTHREAD", "StackBase", 0x190),
    KTHREAD_THREAD_LIST_ENTRY("KTHREAD", "ThreadListEntry", 0x1e0),
    ETHREAD_START_ADDRESS("ETHREAD", "StartAddress", 0x218),
    ETHREAD_CID_UNIQUE_PROCESS("ETHREAD", "Cid.UniqueProcess", 0x22c),
    ETHREAD_CID_UNIQUE_THREAD("ETHREAD", "Cid.UniqueThread", 0x230),
    ETHREAD_WIN32_START_ADDRESS("ETHREAD", "Win32StartAddress", 0x260),
    ETHREAD_THREAD_LIST_ENTRY("ETHREAD", "ThreadListEntry", 0x268),
    ETHREAD_SIZE("ETHREAD", "sizeof", 0x2b8),
    KPROCESS_DIRECTORY_TABLE_BASE("KPROCESS", "DirectoryTableBase", 0x18),
    KPROCESS_THREAD_LIST_HEAD("KPROCESS", "ThreadListHead", 0x2c),
    EPROCESS_UNIQUE_PROCESS_ID("EPROCESS", "UniqueProcessId", 0xb4),
    EPROCESS_ACTIVE_PROCESS_LINKS("EPROCESS", "ActiveProcessLinks", 0xb8),
    EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID("EPROCESS", "InheritedFromUniqueProcessId", 0x140),
    EPROCESS_IMAGE_FILE_NAME("EPROCESS", "ImageFileName", 0x16c),
    EPROCESS_THREAD_LIST_HEAD("EPROCESS", "ThreadListHead", 0x188),
    EPROCESS_PEB("EPROCESS", "Peb", 0x1a8),
    EPROCESS_SIZE("EPROCESS", "sizeof", 0x2c0),
    LDR_IN_LOAD_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InLoadOrderLinks", 0x00),
    LDR_EXCEPTION_TABLE("LDR_DATA_TABLE_ENTRY", "ExceptionTable (KLDR)", 0x08),
    LDR_EXCEPTION_TABLE_SIZE("LDR_DATA_TABLE_ENTRY", "ExceptionTableSize (KLDR)", 0x0c),
    LDR_DLL_BASE("LDR_DATA_TABLE_ENTRY", "DllBase", 0x18),
    LDR_ENTRY_POINT("LDR_DATA_TABLE_ENTRY", "EntryPoint", 0x1c),
    LDR_SIZE_OF_IMAGE("LDR_DATA_TABLE_ENTRY", "SizeOfImage", 0x20),
    LDR_FULL_DLL_NAME("LDR_DATA_TABLE_ENTRY", "FullDllName", 0x24),
    LDR_BASE_DLL_NAME("LDR_DATA_TABLE_ENTRY", "BaseDllName", 0x2c),
    LDR_FLAGS("LDR_DATA_TABLE_ENTRY", "Flags", 0x34),
    LDR_LOAD_COUNT("LDR_DATA_TABLE_ENTRY", "LoadCount", 0x38),
    LDR_CHECKSUM("LDR_DATA_TABLE_ENTRY", "CheckSum", 0x40),
    LDR_TIME_DATE_STAMP("LDR_DATA_TABLE_ENTRY", "TimeDateStamp", 0x44),
    LDR_SIZE("LDR_DATA_TABLE_ENTRY", "sizeof", 0x78),
    PEB_IMAGE_BASE_ADDRESS("PEB", "ImageBaseAddress", 0x08),
    PEB_LDR("PEB", "Ldr", 0x0c),
    PEB_SIZE("PEB", "sizeof", 0x248),
    PEB_LDR_DATA_LENGTH("PEB_LDR_DATA", "Length", 0x00),
    PEB_LDR_DATA_INITIALIZED("PEB_LDR_DATA", "Initialized", 0x04),
    PEB_LDR_DATA_IN_LOAD_ORDER("PEB_LDR_DATA", "InLoadOrderModuleList", 0x0c),
    PEB_LDR_DATA_IN_MEMORY_ORDER("PEB_LDR_DATA", "InMemoryOrderModuleList", 0x14),
    PEB_LDR_DATA_IN_INITIALIZATION_ORDER("PEB_LDR_DATA", "InInitializationOrderModuleList", 0x1c),
    PEB_LDR_DATA_SIZE("PEB_LDR_DATA", "sizeof", 0x30),
    ULDR_IN_LOAD_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InLoadOrderLinks", 0x00),
    ULDR_IN_MEMORY_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InMemoryOrderLinks", 0x08),
    ULDR_IN_INITIALIZATION_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InInitializationOrderLinks", 0x10),
    ULDR_DLL_BASE("LDR_DATA_TABLE_ENTRY", "DllBase", 0x18),
    ULDR_ENTRY_POINT("LDR_DATA_TABLE_ENTRY", "EntryPoint", 0x1c),
    ULDR_SIZE_OF_IMAGE("LDR_DATA_TABLE_ENTRY", "SizeOfImage", 0x20),
    ULDR_FULL_DLL_NAME("LDR_DATA_TABLE_ENTRY", "FullDllName", 0x24),
    ULDR_BASE_DLL_NAME("LDR_DATA_TABLE_ENTRY", "BaseDllName", 0x2c),
    ULDR_FLAGS("LDR_DATA_TABLE_ENTRY", "Flags", 0x34),
    ULDR_LOAD_COUNT("LDR_DATA_TABLE_ENTRY", "LoadCount", 0x38),
    ULDR_TIME_DATE_STAMP("LDR_DATA_TABLE_ENTRY", "TimeDateStamp", 0x44),
    ULDR_SIZE("LDR_DATA_TABLE_ENTRY", "sizeof", 0x78),
    KTRAP_FRAME_DBG_EBP("KTRAP_FRAME", "DbgEbp", 0x00),
    KTRAP_FRAME_DBG_EIP("KTRAP_FRAME", "DbgEip", 0x04),
    KTRAP_FRAME_SEG_FS("KTRAP_FRAME", "SegFs", 0x50),
    KTRAP_FRAME_EBP("KTRAP_FRAME", "Ebp", 0x60),
    KTRAP_FRAME_ERR_CODE("KTRAP_FRAME", "ErrCode", 0x64),
    KTRAP_FRAME_EIP("KTRAP_FRAME", "Eip", 0x68),
    KTRAP_FRAME_SEG_CS("KTRAP_FRAME", "SegCs", 0x6c),
    KTRAP_FRAME_EFLAGS("KTRAP_FRAME", "EFlags", 0x70),
    KTRAP_FRAME_HARDWARE_ESP("KTRAP_FRAME", "HardwareEsp", 0x74),
    KTRAP_FRAME_HARDWARE_SEG_SS("KTRAP_FRAME", "HardwareSegSs", 0x78),
    KTRAP_FRAME_SIZE("KTRAP_FRAME", "sizeof", 0x8c);

    private final String structure;
    private final String field;
    private final int offset;

    Win7X86Offsets(String structure, String field, int offset) {
        this.structure = structure;
        this.field = field;
        this.offset = offset;
    }

    public String structure() {
        return structure;
    }

    public String field() {
        return field;
    }

    /** Byte offset from the start of {@link #structure()} (or its size for "sizeof" rows). */
    public int offset() {
        return offset;
    }

    /** The whole table, in declaration order. */
    public static List<Win7X86Offsets> table() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return structure + "." + field + " +0x" + Integer.toHexString(offset);
    }
}
