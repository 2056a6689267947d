package dev.poolhit.target;

/** The debug transport to the target is gone. */
public final class TargetDisconnectedException extends TargetException {
    public TargetDisconnectedException(String message) {
        super(message);
    }

    public TargetDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
