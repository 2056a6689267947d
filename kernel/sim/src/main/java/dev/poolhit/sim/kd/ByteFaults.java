package dev.poolhit.sim.kd;

import java.time.Duration;

/**
 * Faults injected into one direction of a link by {@link FaultyTransport}. Each rate is a
 * probability per write (KDCOM writes one whole packet per call; on the read side, per chunk
 * read): drop one byte, flip one byte, deliver the write twice, or hold it back for {@code delay}.
 */
public record ByteFaults(double dropRate, double corruptRate, double duplicateRate, double delayRate,
                         Duration delay) {
    public static final ByteFaults NONE = new ByteFaults(0, 0, 0, 0, Duration.ZERO);

    public ByteFaults {
        for (double r : new double[] {dropRate, corruptRate, duplicateRate, delayRate}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("fault rate must be within [0, 1], actual " + r);
            }
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, actual " + delay);
        }
    }

    /** Drop, corrupt and duplicate at the same rate, no delays. */
    public static ByteFaults uniform(double rate) {
        return new ByteFaults(rate, rate, rate, 0, Duration.ZERO);
    }

    public boolean isNone() {
        return dropRate == 0 && corruptRate == 0 && duplicateRate == 0 && delayRate == 0;
    }
}
