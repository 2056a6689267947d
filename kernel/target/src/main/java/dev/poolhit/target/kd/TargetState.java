package dev.poolhit.target.kd;

/** Who owns the target (see the table in {@link KdTarget}). */
public enum TargetState {
    /** Stopped in its debugger loop: memory, registers and breakpoints may be used. */
    BROKEN,
    /** Running: only {@link KdTarget#breakIn()} and {@link KdTarget#awaitStop} make sense. */
    RUNNING,
    /** The link is gone; every call fails with {@code TargetDisconnectedException}. */
    DISCONNECTED
}
