package dev.poolhit.target.kd;

import dev.poolhit.target.AddressStyle;

/**
 * Why the target stopped: an exception state change as the debugger sees it.
 *
 * @param kind        breakpoint, single step, or another exception
 * @param code        the NTSTATUS exception code ({@code 0x80000003} for {@code int 3})
 * @param processor   the processor that stopped
 * @param thread      the KTHREAD running there
 * @param pc          the program counter (on the {@code int 3} byte for breakpoints)
 * @param firstChance first-chance exception
 */
public record Stop(Kind kind, int code, int processor, long thread, long pc, boolean firstChance) {
    /** Stop kinds. */
    public enum Kind {
        /** STATUS_BREAKPOINT: an {@code int 3}, ours or the code's own. */
        BREAKPOINT,
        /** STATUS_SINGLE_STEP: a trace-flag step finished. */
        SINGLE_STEP,
        /** Any other exception (access violation, ...). */
        EXCEPTION
    }

    static final int STATUS_BREAKPOINT = 0x80000003;
    static final int STATUS_SINGLE_STEP = 0x80000004;

    static Kind kindOf(int code) {
        return code == STATUS_BREAKPOINT ? Kind.BREAKPOINT : code == STATUS_SINGLE_STEP ? Kind.SINGLE_STEP : Kind.EXCEPTION;
    }

    /**
     * This stop, when it is of the {@code expected} kind; else a
     * {@link dev.poolhit.target.TargetProtocolException} naming the operation, the expected kind and this stop.
     */
    public Stop require(Kind expected, String operation) {
        if (kind != expected) {
            throw KdErrors.unexpectedStop(operation, expected, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return text(AddressStyle.X64);
    }

    /** {@link #toString()} with addresses as the target's debugger prints them (8 digits on x86). */
    public String text(AddressStyle style) {
        return String.format("%s (code 0x%08x) at %s on processor %d, thread %s", kind, code, style.text(pc), processor,
                style.text(thread));
    }
}
