package dev.poolhit.target.stack;

import java.util.List;

/** The frames of one walk and why it ended. */
public record StackTrace(List<StackFrame> frames, StackEnd end) {
    public StackTrace {
        frames = List.copyOf(frames);
    }
}
