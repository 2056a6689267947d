package dev.poolhit.pool.live;

import java.time.Duration;

/**
 * What {@code %trace} asks for.
 *
 * @param hits      stop after this many recorded hits
 * @param timeout   stop at this deadline (whole trace, on the target's link clock)
 * @param maxFrames frames per stack
 * @param strategy  how to continue past each {@code int 3}
 * @param pair      also catch each allocation's returned block (one-shot breakpoint on its return address)
 */
public record TraceRequest(int hits, Duration timeout, int maxFrames, Strategy strategy, boolean pair) {
    public TraceRequest {
        if (hits <= 0 || maxFrames <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("trace needs hits > 0 (was " + hits + "), frames > 0 (was " + maxFrames
                    + ") and a positive timeout (was " + timeout + ")");
        }
    }

    /** N hits, 10 minutes, 64 frames, step over, no pairing. */
    public static TraceRequest of(int hits) {
        return new TraceRequest(hits, Duration.ofMinutes(10), 64, Strategy.STEP_OVER, false);
    }

    public TraceRequest withStrategy(Strategy value) {
        return new TraceRequest(hits, timeout, maxFrames, value, pair);
    }

    public TraceRequest withPair(boolean value) {
        return new TraceRequest(hits, timeout, maxFrames, strategy, value);
    }

    public TraceRequest withTimeout(Duration value) {
        return new TraceRequest(hits, value, maxFrames, strategy, pair);
    }

    public TraceRequest withMaxFrames(int value) {
        return new TraceRequest(hits, timeout, value, strategy, pair);
    }
}
