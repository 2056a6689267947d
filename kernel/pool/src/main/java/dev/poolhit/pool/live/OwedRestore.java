package dev.poolhit.pool.live;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.kd.OwedEdits;
import java.util.Optional;

/**
 * Everything a {@link Restorer} still has to put back on a target whose link was lost: our code
 * edits (kept by the old {@code KdTarget}) and PoolHitTag's original value. Carried to a new link
 * by {@link Relinker}.
 *
 * @param edits             breakpoints and patches, with the code's own bytes
 * @param poolHitTagAddress where PoolHitTag is
 * @param locatedBy         how it was found ({@code nt!PoolHitTag})
 * @param savedPoolHitTag   the value to put back, when we armed it
 * @param armed             the tag we armed last, if any
 */
public record OwedRestore(OwedEdits edits, long poolHitTagAddress, String locatedBy, Optional<Integer> savedPoolHitTag,
                          Optional<PoolTag> armed) {
    /** What {@code session} owes now (its target may be disconnected: the edits are still listed there). */
    public static OwedRestore of(PoolHitTagSession session) {
        return new OwedRestore(session.target().owedEdits(), session.address(), session.locatedBy(),
                session.restorer().savedPoolHitTag(), Optional.ofNullable(session.armed()));
    }

    /** True when nothing of ours is on the target. */
    public boolean isEmpty() {
        return edits.isEmpty() && savedPoolHitTag.isEmpty();
    }

    /** {@code PoolHitTag = 'Lea2', 2 breakpoints}; {@code nothing} when empty. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        if (savedPoolHitTag.isPresent()) {
            out.append(armed.map(t -> "PoolHitTag = '" + t.text() + "'").orElse("PoolHitTag armed"));
        }
        if (!edits.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append(edits.counts());
        }
        return out.isEmpty() ? "nothing" : out.toString();
    }
}
