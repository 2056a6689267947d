package dev.poolhit.kd.protocol;

import java.util.Optional;

/** NTSTATUS and DBG_* values that appear in the KD protocol (kd-protocol.md 4.4). */
public enum NtStatus {
    STATUS_SUCCESS(0x00000000),
    STATUS_PENDING(0x00000103),
    DBG_EXCEPTION_HANDLED(0x00010001),
    DBG_CONTINUE(0x00010002),
    STATUS_DATATYPE_MISALIGNMENT(0x80000002),
    STATUS_BREAKPOINT(0x80000003),
    STATUS_SINGLE_STEP(0x80000004),
    STATUS_BUFFER_OVERFLOW(0x80000005),
    STATUS_WAKE_SYSTEM_DEBUGGER(0x80000007),
    DBG_EXCEPTION_NOT_HANDLED(0x80010001),
    STATUS_UNSUCCESSFUL(0xC0000001),
    STATUS_NOT_IMPLEMENTED(0xC0000002),
    STATUS_ACCESS_VIOLATION(0xC0000005),
    STATUS_INVALID_PARAMETER(0xC000000D),
    STATUS_NO_SUCH_DEVICE(0xC000000E),
    STATUS_NO_SUCH_FILE(0xC000000F),
    STATUS_NOT_FOUND(0xC0000225);

    private final int code;

    NtStatus(int code) {
        this.code = code;
    }

    /** The 32-bit wire value. */
    public int code() {
        return code;
    }

    /** NT_SUCCESS: severity bits clear (informational and success codes). */
    public static boolean isSuccess(int status) {
        return status >= 0;
    }

    public static Optional<NtStatus> of(int status) {
        return WireNumbers.find(values(), NtStatus::code, status);
    }

    /** {@code STATUS_UNSUCCESSFUL (0xc0000001)}, or {@code 0x12345678} for an unknown value. */
    public static String describe(int status) {
        String hex = String.format("0x%08x", status);
        return of(status).map(s -> s.name() + " (" + hex + ")").orElse(hex);
    }

    @Override
    public String toString() {
        return describe(code);
    }
}
