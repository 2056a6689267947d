package dev.poolhit.pool.live;

import java.util.Optional;

/**
 * What {@link Relinker} did about a lost link.
 *
 * @param outcome   how it ended
 * @param newLink   true when a new link was opened (the old one was lost); false for a restore over the
 *                  session's own link
 * @param message   one line for the notebook ({@code reconnected and restored the target})
 * @param session   the PoolHitTag session on the new link (the caller uses it from now on); empty when
 *                  no link came back
 * @param restore   what the restorer did on the new link
 * @param stillOwed what is still on the target when no link came back (keep it for a later
 *                  {@code %restore} or {@code %connect})
 */
public record RelinkResult(Outcome outcome, boolean newLink, String message, Optional<PoolHitTagSession> session,
                           Optional<RestoreReport> restore, Optional<OwedRestore> stillOwed) {
    /** How a relink ended. */
    public enum Outcome {
        /** A link came back to the same boot and everything of ours was undone. */
        RESTORED,
        /** A link came back but the target had rebooted: nothing of ours was left to undo. */
        REBOOTED,
        /** A link came back to the same boot but the restore failed (see the report). */
        NOT_RESTORED,
        /** No link came back within the time allowed. */
        NOT_RECONNECTED
    }
}
