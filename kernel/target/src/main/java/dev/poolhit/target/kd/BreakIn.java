package dev.poolhit.target.kd;

import java.time.Duration;
import java.util.Optional;

/**
 * Stopping a running target on purpose. The break-in is a lone 0x62 byte (kd-protocol.md 1.9), as
 * losable on a bad wire as any other and unacknowledged, and a busy target may miss a short wait:
 * a silent wait is followed by one more break-in before the caller is told the target did not stop.
 */
public final class BreakIn {
    /** Break-ins sent before giving up (each followed by the caller's wait). */
    public static final int ATTEMPTS = 2;

    private BreakIn() {
    }

    /**
     * Breaks in and waits up to {@code perAttempt} for the stop, {@value #ATTEMPTS} times at most.
     * Returns the current stop at once when already broken in; empty when no stop came, or when the
     * thread is interrupted (no further break-in then; its interrupt flag stays set).
     */
    public static Optional<Stop> andWait(KdTarget target, Duration perAttempt) {
        Optional<Stop> stop = Optional.empty();
        // an interrupt ends the retries, not the first break-in (a restore after an interrupted trace needs it)
        for (int sent = 0; sent < ATTEMPTS && stop.isEmpty() && (sent == 0 || !interrupted()); sent++) {
            target.breakIn();
            stop = target.awaitStop(perAttempt);
        }
        return stop;
    }

    private static boolean interrupted() {
        return Thread.currentThread().isInterrupted();
    }
}
