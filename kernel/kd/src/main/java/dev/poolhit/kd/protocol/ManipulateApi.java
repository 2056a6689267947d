package dev.poolhit.kd.protocol;

import java.util.Optional;

/**
 * The single table of DBGKD_MANIPULATE_STATE64 ApiNumbers (kd-protocol.md 2). Each constant keeps
 * the wire number and the Microsoft name; {@link #toString()} prints both so a grep finds either.
 */
public enum ManipulateApi {
    READ_VIRTUAL_MEMORY(0x3130, "DbgKdReadVirtualMemoryApi"),
    WRITE_VIRTUAL_MEMORY(0x3131, "DbgKdWriteVirtualMemoryApi"),
    GET_CONTEXT(0x3132, "DbgKdGetContextApi"),
    SET_CONTEXT(0x3133, "DbgKdSetContextApi"),
    WRITE_BREAKPOINT(0x3134, "DbgKdWriteBreakPointApi"),
    RESTORE_BREAKPOINT(0x3135, "DbgKdRestoreBreakPointApi"),
    CONTINUE(0x3136, "DbgKdContinueApi"),
    READ_CONTROL_SPACE(0x3137, "DbgKdReadControlSpaceApi"),
    WRITE_CONTROL_SPACE(0x3138, "DbgKdWriteControlSpaceApi"),
    READ_IO_SPACE(0x3139, "DbgKdReadIoSpaceApi"),
    WRITE_IO_SPACE(0x313A, "DbgKdWriteIoSpaceApi"),
    REBOOT(0x313B, "DbgKdRebootApi"),
    CONTINUE2(0x313C, "DbgKdContinueApi2"),
    READ_PHYSICAL_MEMORY(0x313D, "DbgKdReadPhysicalMemoryApi"),
    WRITE_PHYSICAL_MEMORY(0x313E, "DbgKdWritePhysicalMemoryApi"),
    QUERY_SPECIAL_CALLS(0x313F, "DbgKdQuerySpecialCallsApi"),
    SET_SPECIAL_CALL(0x3140, "DbgKdSetSpecialCallApi"),
    CLEAR_SPECIAL_CALLS(0x3141, "DbgKdClearSpecialCallsApi"),
    SET_INTERNAL_BREAKPOINT(0x3142, "DbgKdSetInternalBreakPointApi"),
    GET_INTERNAL_BREAKPOINT(0x3143, "DbgKdGetInternalBreakPointApi"),
    READ_IO_SPACE_EXTENDED(0x3144, "DbgKdReadIoSpaceExtendedApi"),
    WRITE_IO_SPACE_EXTENDED(0x3145, "DbgKdWriteIoSpaceExtendedApi"),
    GET_VERSION(0x3146, "DbgKdGetVersionApi"),
    WRITE_BREAKPOINT_EX(0x3147, "DbgKdWriteBreakPointExApi"),
    RESTORE_BREAKPOINT_EX(0x3148, "DbgKdRestoreBreakPointExApi"),
    CAUSE_BUGCHECK(0x3149, "DbgKdCauseBugCheckApi"),
    SWITCH_PROCESSOR(0x3150, "DbgKdSwitchProcessor"),
    PAGE_IN(0x3151, "DbgKdPageInApi"),
    READ_MSR(0x3152, "DbgKdReadMachineSpecificRegister"),
    WRITE_MSR(0x3153, "DbgKdWriteMachineSpecificRegister"),
    OLD_VLM1(0x3154, "OldVlm1"),
    OLD_VLM2(0x3155, "OldVlm2"),
    SEARCH_MEMORY(0x3156, "DbgKdSearchMemoryApi"),
    GET_BUS_DATA(0x3157, "DbgKdGetBusDataApi"),
    SET_BUS_DATA(0x3158, "DbgKdSetBusDataApi"),
    CHECK_LOW_MEMORY(0x3159, "DbgKdCheckLowMemoryApi"),
    CLEAR_ALL_INTERNAL_BREAKPOINTS(0x315A, "DbgKdClearAllInternalBreakpointsApi"),
    FILL_MEMORY(0x315B, "DbgKdFillMemoryApi"),
    QUERY_MEMORY(0x315C, "DbgKdQueryMemoryApi"),
    SWITCH_PARTITION(0x315D, "DbgKdSwitchPartition"),
    WRITE_CUSTOM_BREAKPOINT(0x315E, "DbgKdWriteCustomBreakpointApi"),
    GET_CONTEXT_EX(0x315F, "DbgKdGetContextExApi"),
    SET_CONTEXT_EX(0x3160, "DbgKdSetContextExApi");

    private final int number;
    private final String wireName;

    ManipulateApi(int number, String wireName) {
        this.number = number;
        this.wireName = wireName;
    }

    public int number() {
        return number;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * APIs the target answers with only an ACK, never a response packet (kd-protocol.md 2):
     * continue, processor switch, clear-all-internal-breakpoints, reboot, bugcheck.
     */
    public boolean hasResponse() {
        return switch (this) {
            case CONTINUE, CONTINUE2, SWITCH_PROCESSOR, CLEAR_ALL_INTERNAL_BREAKPOINTS, REBOOT, CAUSE_BUGCHECK -> false;
            default -> true;
        };
    }

    public static Optional<ManipulateApi> of(int number) {
        return WireNumbers.find(values(), ManipulateApi::number, number);
    }

    /** {@code DbgKdReadVirtualMemoryApi (0x3130)} or {@code api 0x1234} when unknown. */
    public static String describe(int number) {
        return of(number).map(ManipulateApi::toString).orElseGet(() -> String.format("api 0x%04x", number));
    }

    @Override
    public String toString() {
        return String.format("%s (0x%04x)", wireName, number);
    }
}
