package dev.poolhit.kd.protocol;

/** A per-packet retry budget or a whole-operation deadline ran out. */
public class KdTimeoutException extends KdException {
    public KdTimeoutException(String message) {
        super(message);
    }
}
