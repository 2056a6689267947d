package dev.poolhit.kd.protocol;

import java.util.Optional;

/** DBGKD_DEBUG_IO, DBGKD_FILE_IO and DBGKD_TRACE_IO ApiNumbers (kd-protocol.md 2, 5). */
public enum DebugIoApi {
    PRINT_STRING(0x3230, "DbgKdPrintStringApi"),
    GET_STRING(0x3231, "DbgKdGetStringApi"),
    PRINT_TRACE(0x3330, "DbgKdPrintTraceApi"),
    CREATE_FILE(0x3430, "DbgKdCreateFileApi"),
    READ_FILE(0x3431, "DbgKdReadFileApi"),
    WRITE_FILE(0x3432, "DbgKdWriteFileApi"),
    CLOSE_FILE(0x3433, "DbgKdCloseFileApi");

    private final int number;
    private final String wireName;

    DebugIoApi(int number, String wireName) {
        this.number = number;
        this.wireName = wireName;
    }

    public int number() {
        return number;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DebugIoApi> of(int number) {
        return WireNumbers.find(values(), DebugIoApi::number, number);
    }

    /** Name for logs, or {@code api 0x1234} when unknown. */
    public static String describe(int number) {
        return of(number).map(DebugIoApi::toString).orElseGet(() -> String.format("api 0x%04x", number));
    }

    @Override
    public String toString() {
        return String.format("%s (0x%04x)", wireName, number);
    }
}
