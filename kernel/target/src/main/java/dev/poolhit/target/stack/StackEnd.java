package dev.poolhit.target.stack;

/** Why a walk stopped, with the detail a person needs (the failing rule and values). */
public record StackEnd(Reason reason, String detail) {
    /** Walk end reasons. */
    public enum Reason {
        /** The return address was 0: the bottom of the stack (thread start). */
        END_OF_STACK,
        /** The requested number of frames was reached. */
        DEPTH_LIMIT,
        /** Unwind data or stack memory could not be read or is corrupt. */
        UNWIND_FAILED,
        /** The caller's RSP broke alignment, the stack limits or monotonicity. */
        BAD_STACK_POINTER,
        /** The stack continues into user mode code that no known module covers. */
        USER_MODE_UNKNOWN
    }
}
