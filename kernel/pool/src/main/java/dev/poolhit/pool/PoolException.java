package dev.poolhit.pool;

/**
 * The pool layer's one exception family: every error this layer raises on bad input (a tag a
 * user typed, a trace file, a kd log) is one of these, with a message that names the rule that was
 * broken, what was expected, what was found and where. The notebook layer shows the message as is.
 */
public abstract sealed class PoolException extends RuntimeException
        permits TagFormatException, TraceFileException, KdLogFormatException {
    private static final long serialVersionUID = 1L;

    PoolException(String message) {
        super(message);
    }

    PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
