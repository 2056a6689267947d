package dev.poolhit.pool.live;

import java.util.List;

/**
 * What a {@link Restorer#restore()} did.
 *
 * @param restored     true when nothing we changed is left on the target
 * @param actions      what was undone, in order ({@code "removed breakpoint at fffff800`02a02220"})
 * @param leftBehind   what could not be undone and why (empty when {@code restored})
 * @param resumed      whether the target was left running
 */
public record RestoreReport(boolean restored, List<String> actions, List<String> leftBehind, boolean resumed) {
    public RestoreReport {
        actions = List.copyOf(actions);
        leftBehind = List.copyOf(leftBehind);
    }

    /** One line for the notebook. */
    public String summary() {
        if (restored) {
            return actions.isEmpty() ? "nothing to restore" + (resumed ? "; target running" : "")
                    : "restored: " + String.join("; ", actions) + (resumed ? "; target running" : "; target left broken in");
        }
        return "NOT restored: " + String.join("; ", leftBehind);
    }
}
