package dev.poolhit.sim.image;

/**
 * One prolog operation decoded from UNWIND_CODE slots (MicrosoftDocs "x64 exception handling"):
 * what the prolog did, in a form the stack writer can replay forward.
 *
 * @param kind     the operation
 * @param register register number in x64 encoding order (pushes, saves, frame register)
 * @param amount   bytes allocated (ALLOC); byte offset from the establisher frame (SAVE: the
 *                 post-prolog RSP, or FP - FrameOffset*16 with a frame register, as RtlVirtualUnwind
 *                 reads it); the frame offset in bytes (SET_FPREG); 8 when a machine frame carries an
 *                 error code
 */
public record UnwindOp(Kind kind, int register, long amount) {
    /** Prolog operations; XMM saves are kept as SAVE_XMM so replay can skip them. */
    public enum Kind { PUSH_NONVOL, ALLOC, SET_FPREG, SAVE_NONVOL, SAVE_XMM, PUSH_MACHFRAME }
}
