package dev.poolhit.kd.session;

/** Who owns the link (see the table in {@link KdSession}). */
public enum SessionState {
    /** Not synchronised yet, or the link is gone. */
    DISCONNECTED,
    /** The target runs; the host may only wait for a state change or send a break-in. */
    RUNNING,
    /** The target sits in its debugger loop and serves manipulate requests. */
    BROKEN
}
