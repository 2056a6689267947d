package dev.poolhit.kd.session;

import java.time.Duration;

/**
 * Timing knobs of a {@link KdSession}. The ACK timeout is per packet and triggers a resend; the
 * retry count bounds resends of one packet; whole-operation deadlines are passed to each call.
 *
 * @param ackTimeout    how long to wait for the ACK of one data packet before resending it
 * @param maxRetries    resends of one packet (on timeout or peer RESEND) before giving up
 * @param resetInterval how often {@link KdSession#connect} repeats RESET while the target is silent
 */
public record SessionOptions(Duration ackTimeout, int maxRetries, Duration resetInterval) {
    public SessionOptions {
        if (ackTimeout.isNegative() || ackTimeout.isZero() || maxRetries < 0 || resetInterval.isNegative()
                || resetInterval.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive and retries non-negative");
        }
    }

    /** 1 s ACK timeout, 20 retries (ReactOS KdpDefaultRetries), RESET every second. */
    public static SessionOptions defaults() {
        return new SessionOptions(Duration.ofSeconds(1), 20, Duration.ofSeconds(1));
    }
}
