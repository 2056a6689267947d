package dev.poolhit.sim.machine;

/** Where in a pool event an execution point is. */
enum PointKind {
    /** First instruction of an allocator function (the prolog has not run). */
    ENTRY,
    /** The PoolHitTag check site: the cold stub's {@code int 3}, reached only when the tag matches. */
    CHECK,
    /** The instruction after the {@code int 3} (the stub's jmp back). */
    AFTER_CHECK,
    /** The return address in the caller of an allocator function. */
    RETURN,
    /** DbgBreakPointWithStatus, reached by a debugger break-in. */
    BREAK_IN
}
