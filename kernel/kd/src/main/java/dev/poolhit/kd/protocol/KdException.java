package dev.poolhit.kd.protocol;

import java.io.IOException;

/**
 * Root of the kd layer's one exception family. Everything the wire, transport and session code
 * throws on purpose is a subtype; callers above the kd layer translate it once at their boundary.
 */
public abstract class KdException extends IOException {
    protected KdException(String message) {
        super(message);
    }

    protected KdException(String message, Throwable cause) {
        super(message, cause);
    }
}
