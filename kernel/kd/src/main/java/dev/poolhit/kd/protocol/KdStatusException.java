package dev.poolhit.kd.protocol;

/**
 * The target answered a manipulate request with a failing NTSTATUS. The message names the API and
 * the status, e.g. {@code DbgKdReadVirtualMemoryApi (0x3130) failed: STATUS_UNSUCCESSFUL (0xc0000001)}.
 */
public class KdStatusException extends KdException {
    private final int status;

    public KdStatusException(String operation, int status) {
        super(operation + " failed: " + NtStatus.describe(status));
        this.status = status;
    }

    /** The raw NTSTATUS value. */
    public int status() {
        return status;
    }

    /** The symbolic name, e.g. {@code STATUS_UNSUCCESSFUL}, or the hex value when unknown. */
    public String statusName() {
        return NtStatus.of(status).map(NtStatus::name).orElseGet(() -> String.format("0x%08x", status));
    }
}
