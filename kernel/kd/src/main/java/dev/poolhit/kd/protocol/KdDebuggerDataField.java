package dev.poolhit.kd.protocol;

/**
 * KDDEBUGGER_DATA64 fields this project reads, with their x64 offsets and widths (kd-protocol.md
 * 7.2, 7.3). Pointer fields hold the address of the kernel variable, not its value, except
 * MM_PAGE_SIZE and the u16 offset/size fields.
 */
public enum KdDebuggerDataField {
    LIST_FLINK(0x000, 8), LIST_BLINK(0x008, 8), OWNER_TAG(0x010, 4), SIZE(0x014, 4),
    KERN_BASE(0x018, 8), BREAKPOINT_WITH_STATUS(0x020, 8), SAVED_CONTEXT(0x028, 8), PAE_ENABLED(0x036, 2),
    KI_CALL_USER_MODE(0x038, 8), KE_USER_CALLBACK_DISPATCHER(0x040, 8),
    PS_LOADED_MODULE_LIST(0x048, 8), PS_ACTIVE_PROCESS_HEAD(0x050, 8), PSP_CID_TABLE(0x058, 8),
    MM_PAGE_SIZE(0x138, 8), POOL_TRACK_TABLE(0x1B8, 8), MM_HIGHEST_USER_ADDRESS(0x1C8, 8),
    MM_SYSTEM_RANGE_START(0x1D0, 8), MM_USER_PROBE_ADDRESS(0x1D8, 8), NT_BUILD_LAB(0x208, 8),
    KI_PROCESSOR_BLOCK(0x218, 8), MM_SPECIAL_POOL_TAG(0x238, 8),
    SIZE_EPROCESS(0x2A8, 2), OFFSET_EPROCESS_PEB(0x2AA, 2), OFFSET_EPROCESS_DIRECTORY_TABLE_BASE(0x2AE, 2),
    SIZE_PRCB(0x2B0, 2), OFFSET_PRCB_CURRENT_THREAD(0x2B4, 2), OFFSET_PRCB_PROC_STATE_CONTEXT(0x2BC, 2),
    OFFSET_PRCB_NUMBER(0x2BE, 2), SIZE_ETHREAD(0x2C0, 2), KE_LOADER_BLOCK(0x2D8, 8),
    OFFSET_PRCB_PROC_STATE_SPECIAL_REG(0x2F2, 2), OFFSET_PRCB_CONTEXT(0x338, 2),
    /** Windows 10 RS1 and later (block size 0x368 and up). */
    PTE_BASE(0x360, 8);

    private final int offset;
    private final int width;

    KdDebuggerDataField(int offset, int width) {
        this.offset = offset;
        this.width = width;
    }

    public int offset() {
        return offset;
    }

    public int width() {
        return width;
    }
}
