package dev.poolhit.target;

/**
 * The target answered, but not as the protocol allows for the request: a failing NTSTATUS where
 * only success is meaningful (GetContext, SetContext, continue), or a stop of another kind than the
 * one the request must produce. The link stays usable; the operation did not happen.
 */
public final class TargetProtocolException extends TargetException {
    public TargetProtocolException(String message) {
        super(message);
    }

    public TargetProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
