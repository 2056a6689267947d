package dev.poolhit.sim.kernel;

import java.util.List;

/**
 * Field offsets of Windows 7 SP1 x64 (build 7601) kernel structures the simulator lays out, as one
 * documented table a client's per-build offset table can be checked against.
 *
 * <p>Source: the public symbol-derived headers in {@code ntdiff/headers}
 * ({@code Win7_SP1/x64/System32/ntoskrnl.exe/Standalone/_KTHREAD.h}, {@code _ETHREAD.h},
 * {@code _EPROCESS.h}, {@code _KPROCESS.h}, {@code _KPRCB.h}, {@code _LDR_DATA_TABLE_ENTRY.h});
 * the KPCR head (Self 0x18, CurrentPrcb 0x20, Prcb 0x180) is common to every x64 build in that
 * repository; EPROCESS Id 0x180 / ListEntry 0x188 / Name 0x2e0 also agree with Bitdefender hvmi's
 * Windows 7 SP1 x64 field file. KLDR_DATA_TABLE_ENTRY up to CheckSum follows kd-protocol.md 7.4.
 *
 * <p>The user-mode loader rows come from the same repository's {@code Win7_SP1/x64/System32/ntdll.dll}
 * headers: {@code _PEB.h} (ImageBaseAddress 0x10, Ldr 0x18, size 0x380), the x64
 * {@code _PEB_LDR_DATA} (Length 0, Initialized 4, the three module lists at 0x10/0x20/0x30, size
 * 0x58) and {@code ntoskrnl.exe/Standalone/_LDR_DATA_TABLE_ENTRY.h} (the user loader's entry: three
 * list links, then DllBase 0x30 ... TimeDateStamp 0x80, size 0xe0).
 */
public enum Win7Offsets {
    KPCR_SELF("KPCR", "Self", 0x18),
    KPCR_CURRENT_PRCB("KPCR", "CurrentPrcb", 0x20),
    KPCR_PRCB("KPCR", "Prcb", 0x180),
    KPCR_SIZE("KPCR", "sizeof", 0x4e80),
    KPRCB_CURRENT_THREAD("KPRCB", "CurrentThread", 0x08),
    KPRCB_NEXT_THREAD("KPRCB", "NextThread", 0x10),
    KPRCB_IDLE_THREAD("KPRCB", "IdleThread", 0x18),
    KPRCB_NUMBER("KPRCB", "Number", 0x24),
    KPRCB_PROCESSOR_STATE("KPRCB", "ProcessorState.SpecialRegisters", 0x40),
    KPRCB_CONTEXT_FRAME("KPRCB", "ProcessorState.ContextFrame", 0x120),
    KPRCB_SIZE("KPRCB", "sizeof", 0x4d00),
    KTHREAD_INITIAL_STACK("KTHREAD", "InitialStack", 0x28),
    KTHREAD_STACK_LIMIT("KTHREAD", "StackLimit", 0x30),
    KTHREAD_KERNEL_STACK("KTHREAD", "KernelStack", 0x38),
    KTHREAD_APC_STATE_PROCESS("KTHREAD", "ApcState.Process", 0x70),
    KTHREAD_NEXT_PROCESSOR("KTHREAD", "NextProcessor", 0x7c),
    KTHREAD_TEB("KTHREAD", "Teb", 0xb8),
    KTHREAD_STATE("KTHREAD", "State", 0x164),
    KTHREAD_PROCESS("KTHREAD", "Process", 0x210),
    KTHREAD_STACK_BASE("KTHREAD", "StackBase", 0x278),
    KTHREAD_THREAD_LIST_ENTRY("KTHREAD", "ThreadListEntry", 0x2f8),
    ETHREAD_START_ADDRESS("ETHREAD", "StartAddress", 0x388),
    ETHREAD_CID_UNIQUE_PROCESS("ETHREAD", "Cid.UniqueProcess", 0x3b0),
    ETHREAD_CID_UNIQUE_THREAD("ETHREAD", "Cid.UniqueThread", 0x3b8),
    ETHREAD_WIN32_START_ADDRESS("ETHREAD", "Win32StartAddress", 0x410),
    ETHREAD_THREAD_LIST_ENTRY("ETHREAD", "ThreadListEntry", 0x420),
    ETHREAD_SIZE("ETHREAD", "sizeof", 0x498),
    KPROCESS_DIRECTORY_TABLE_BASE("KPROCESS", "DirectoryTableBase", 0x28),
    KPROCESS_THREAD_LIST_HEAD("KPROCESS", "ThreadListHead", 0x30),
    EPROCESS_UNIQUE_PROCESS_ID("EPROCESS", "UniqueProcessId", 0x180),
    EPROCESS_ACTIVE_PROCESS_LINKS("EPROCESS", "ActiveProcessLinks", 0x188),
    EPROCESS_INHERITED_FROM_UNIQUE_PROCESS_ID("EPROCESS", "InheritedFromUniqueProcessId", 0x290),
    EPROCESS_IMAGE_FILE_NAME("EPROCESS", "ImageFileName", 0x2e0),
    EPROCESS_THREAD_LIST_HEAD("EPROCESS", "ThreadListHead", 0x308),
    EPROCESS_PEB("EPROCESS", "Peb", 0x338),
    EPROCESS_SIZE("EPROCESS", "sizeof", 0x4d0),
    LDR_IN_LOAD_ORDER_LINKS("KLDR_DATA_TABLE_ENTRY", "InLoadOrderLinks", 0x00),
    LDR_EXCEPTION_TABLE("KLDR_DATA_TABLE_ENTRY", "ExceptionTable", 0x10),
    LDR_EXCEPTION_TABLE_SIZE("KLDR_DATA_TABLE_ENTRY", "ExceptionTableSize", 0x18),
    LDR_DLL_BASE("KLDR_DATA_TABLE_ENTRY", "DllBase", 0x30),
    LDR_ENTRY_POINT("KLDR_DATA_TABLE_ENTRY", "EntryPoint", 0x38),
    LDR_SIZE_OF_IMAGE("KLDR_DATA_TABLE_ENTRY", "SizeOfImage", 0x40),
    LDR_FULL_DLL_NAME("KLDR_DATA_TABLE_ENTRY", "FullDllName", 0x48),
    LDR_BASE_DLL_NAME("KLDR_DATA_TABLE_ENTRY", "BaseDllName", 0x58),
    LDR_FLAGS("KLDR_DATA_TABLE_ENTRY", "Flags", 0x68),
    LDR_LOAD_COUNT("KLDR_DATA_TABLE_ENTRY", "LoadCount", 0x6c),
    LDR_CHECKSUM("KLDR_DATA_TABLE_ENTRY", "CheckSum", 0x78),
    LDR_TIME_DATE_STAMP("KLDR_DATA_TABLE_ENTRY", "TimeDateStamp", 0x80),
    LDR_SIZE("KLDR_DATA_TABLE_ENTRY", "sizeof", 0xe0),
    PEB_IMAGE_BASE_ADDRESS("PEB", "ImageBaseAddress", 0x10),
    PEB_LDR("PEB", "Ldr", 0x18),
    PEB_SIZE("PEB", "sizeof", 0x380),
    PEB_LDR_DATA_LENGTH("PEB_LDR_DATA", "Length", 0x00),
    PEB_LDR_DATA_INITIALIZED("PEB_LDR_DATA", "Initialized", 0x04),
    PEB_LDR_DATA_IN_LOAD_ORDER("PEB_LDR_DATA", "InLoadOrderModuleList", 0x10),
    PEB_LDR_DATA_IN_MEMORY_ORDER("PEB_LDR_DATA", "InMemoryOrderModuleList", 0x20),
    PEB_LDR_DATA_IN_INITIALIZATION_ORDER("PEB_LDR_DATA", "InInitializationOrderModuleList", 0x30),
    PEB_LDR_DATA_SIZE("PEB_LDR_DATA", "sizeof", 0x58),
    ULDR_IN_LOAD_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InLoadOrderLinks", 0x00),
    ULDR_IN_MEMORY_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InMemoryOrderLinks", 0x10),
    ULDR_IN_INITIALIZATION_ORDER_LINKS("LDR_DATA_TABLE_ENTRY", "InInitializationOrderLinks", 0x20),
    ULDR_DLL_BASE("LDR_DATA_TABLE_ENTRY", "DllBase", 0x30),
    ULDR_ENTRY_POINT("LDR_DATA_TABLE_ENTRY", "EntryPoint", 0x38),
    ULDR_SIZE_OF_IMAGE("LDR_DATA_TABLE_ENTRY", "SizeOfImage", 0x40),
    ULDR_FULL_DLL_NAME("LDR_DATA_TABLE_ENTRY", "FullDllName", 0x48),
    ULDR_BASE_DLL_NAME("LDR_DATA_TABLE_ENTRY", "BaseDllName", 0x58),
    ULDR_FLAGS("LDR_DATA_TABLE_ENTRY", "Flags", 0x68),
    ULDR_LOAD_COUNT("LDR_DATA_TABLE_ENTRY", "LoadCount", 0x6c),
    ULDR_TIME_DATE_STAMP("LDR_DATA_TABLE_ENTRY", "TimeDateStamp", 0x80),
    ULDR_SIZE("LDR_DATA_TABLE_ENTRY", "sizeof", 0xe0);

    private final String structure;
    private final String field;
    private final int offset;

    Win7Offsets(String structure, String field, int offset) {
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
    public static List<Win7Offsets> table() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return structure + "." + field + " +0x" + Integer.toHexString(offset);
    }
}
