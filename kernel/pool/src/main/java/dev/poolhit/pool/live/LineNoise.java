package dev.poolhit.pool.live;

import dev.poolhit.kd.session.WireCounters;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;

/**
 * Tells a break-in forged by line noise from a real one: a break-in stop is continued when the link
 * garbled packets since the last stop (so the trace noticed), since a 0x62 byte made by noise is
 * latched by kdcom even while broken in; the kernel's own DbgBreakPoint comes on a clean line.
 */
final class LineNoise {
    private final KdTarget target;
    private long mark;
    private int forged;

    LineNoise(KdTarget target) {
        this.target = target;
    }

    /** True when the wire counters moved since the last call. */
    boolean sinceLastStop() {
        WireCounters w = target.wireCounters();
        long noise = w.resends() + w.badChecksums() + w.framingErrors();
        boolean noisy = noise != mark;
        mark = noise;
        return noisy;
    }

    /** A break-in stop on a noisy line: counts it as forged. */
    boolean forgedBreakIn(boolean noisy, Stop stop) {
        boolean breakIn = stop.kind() == Stop.Kind.BREAKPOINT && stop.pc() == target.info().breakpointWithStatus();
        if (noisy && breakIn) {
            forged++;
        }
        return noisy && breakIn;
    }

    /** {@code " (2 break-ins forged by line noise continued)"}, or empty text. */
    String summary() {
        return forged == 0 ? "" : " (" + forged + " break-ins forged by line noise continued)";
    }
}
