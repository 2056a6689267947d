package dev.poolhit.kd.protocol;

/**
 * The peer sent bytes that break the KD wire rules (bad length, bad checksum, bad leader, a struct
 * too short for its type...). Messages follow "what, expected, actual, context".
 */
public class KdProtocolException extends KdException {
    public KdProtocolException(String message) {
        super(message);
    }

    public KdProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
