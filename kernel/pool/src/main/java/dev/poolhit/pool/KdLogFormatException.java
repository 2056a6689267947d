package dev.poolhit.pool;

/** A WinDbg/kd log cannot be imported; the message names the line number and the rule. */
public final class KdLogFormatException extends PoolException {
    private static final long serialVersionUID = 1L;

    public KdLogFormatException(String message) {
        super(message);
    }

    public KdLogFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
