package dev.poolhit.kd.protocol;

/** A thread blocked in the kd layer was interrupted; the thread's interrupt flag is set again. */
public class KdInterruptedException extends KdException {
    public KdInterruptedException(String message) {
        super(message);
    }
}
