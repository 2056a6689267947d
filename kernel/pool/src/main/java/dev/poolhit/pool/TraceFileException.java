package dev.poolhit.pool;

/** A trace file cannot be written or read; the message names the file, entry and line. */
public final class TraceFileException extends PoolException {
    private static final long serialVersionUID = 1L;

    public TraceFileException(String message) {
        super(message);
    }

    public TraceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
