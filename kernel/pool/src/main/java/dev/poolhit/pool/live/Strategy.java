package dev.poolhit.pool.live;

/** How a trace gets past each PoolHitTag {@code int 3} (domain.md 2.4). */
public enum Strategy {
    /** Leave kernel code untouched: move RIP past the {@code int 3} and continue (works under HVCI). */
    STEP_OVER,
    /** The manual method: {@code nop} over the {@code int 3} plus a debugger breakpoint there; remove, step, re-insert. */
    PATCH
}
