package dev.poolhit.target;

/** The operation needs a broken-in target, but it is running. */
public final class TargetRunningException extends TargetException {
    public TargetRunningException(String message) {
        super(message);
    }

    public TargetRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
