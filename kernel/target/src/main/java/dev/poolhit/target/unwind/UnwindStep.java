package dev.poolhit.target.unwind;

import java.util.List;

/** The caller's registers after unwinding one frame, how it was done, and any XMM registers restored. */
public record UnwindStep(Registers caller, UnwindMethod method, List<XmmValue> xmmRestored) {
    public UnwindStep {
        xmmRestored = List.copyOf(xmmRestored);
    }
}
