package dev.poolhit.pool.live;

/** Why a trace ended. */
public enum TraceEnd {
    /** The requested number of hits was recorded; the target sits at the last hit. */
    COMPLETED,
    /** The deadline passed; the target was broken in and sits there. */
    TIMEOUT,
    /** The thread was interrupted; the target was restored. */
    INTERRUPTED,
    /** The target stopped for something else; it is left broken in there, our edits removed. */
    UNRELATED_STOP,
    /**
     * The link to the target was lost; with a {@link Relinker} the link was reopened and the target
     * restored over it (or the message says what may still be armed), else restore was best effort.
     */
    LINK_LOST,
    /**
     * The target rebooted under the trace: our breakpoints, patches and PoolHitTag went with the old
     * boot; the hits before it are kept and the target was resumed at its new boot.
     */
    REBOOTED,
    /** Something failed on the target; restore was attempted. */
    FAILED
}
