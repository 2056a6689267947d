package dev.poolhit.target;

/**
 * x64 unwind data, an x86 FRAMEDATA program or the stack they describe cannot be unwound (chain
 * loops, bad codes, malformed programs, bad stack pointer).
 */
public final class UnwindException extends TargetException {
    public UnwindException(String message) {
        super(message);
    }

    public UnwindException(String message, Throwable cause) {
        super(message, cause);
    }
}
