package dev.poolhit.target;

/** x64 unwind data or the stack it describes cannot be unwound (chain loops, bad codes, bad stack pointer). */
public final class UnwindException extends TargetException {
    public UnwindException(String message) {
        super(message);
    }

    public UnwindException(String message, Throwable cause) {
        super(message, cause);
    }
}
