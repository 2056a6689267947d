package dev.poolhit.target.x86;

import dev.poolhit.target.unwind.UnwindMethod;

/**
 * One unwound x86 frame: the caller's registers, how they were found, the frame's (possibly
 * virtual) frame pointer that {@code k} shows as ChildEBP (the return-address slot minus 4; the
 * KTRAP_FRAME address for a trap frame), and the frame's FRAMEDATA ParamsSize (0 without a
 * record), which locates the caller's {@code .raSearch}.
 */
public record X86UnwindStep(X86Registers caller, UnwindMethod method, long frameBase, long paramsSize) {
    public X86UnwindStep {
        frameBase = X86Registers.canonical(frameBase);
    }
}
