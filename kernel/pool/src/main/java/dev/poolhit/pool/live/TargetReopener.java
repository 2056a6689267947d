package dev.poolhit.pool.live;

import dev.poolhit.target.kd.KdTarget;
import java.time.Duration;

/**
 * Opens the link a lost {@link KdTarget} used (the same {@code %connect} spec: TCP, pipe, serial,
 * KDNET, or the simulator plugged back in) and attaches over it. Used by {@link Relinker}.
 */
@FunctionalInterface
public interface TargetReopener {
    /**
     * One attempt.
     *
     * @param limit how long this attempt may take to connect and attach
     * @return the new target, broken in
     * @throws dev.poolhit.target.TargetException when the link cannot be opened or the target does not answer
     */
    KdTarget reopen(Duration limit);
}
