package dev.poolhit.pool.live;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.BootCheck;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Restores a target whose link was lost: reopens the same link for a bounded time (retries with a
 * growing back-off, on the injected clock), re-attaches, checks it is the same boot, adopts the old
 * link's edits and PoolHitTag value, restores and resumes. When the link does not come back it
 * says what may still be armed. One caller at a time (a trace's worker, {@code %restore}, a
 * shutdown hook).
 */
public final class Relinker {
    /** How long a lost link is given to come back by default. */
    public static final Duration BUDGET = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** How long a latched break-in may take to show after the resume (kdcom polls for it every clock tick). */
    static final Duration LATCHED_BREAK_IN_WAIT = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger(Relinker.class.getName());

    private final TargetReopener reopener;
    private final KdClock clock;
    private final Duration budget;
    private final ReentrantLock pauseLock = new ReentrantLock();
    private final Condition never = pauseLock.newCondition();

    /** @param clock measures the budget and the back-off; @param budget how long the link may take to come back */
    public Relinker(TargetReopener reopener, KdClock clock, Duration budget) {
        this.reopener = reopener;
        this.clock = clock;
        this.budget = budget;
    }

    /** Restores over the session's own link while it is up, over a new one when it is lost. */
    public RelinkResult restore(PoolHitTagSession session) {
        if (session.target().state() != TargetState.DISCONNECTED) {
            RestoreReport r = session.restorer().restore();
            return new RelinkResult(r.restored() ? RelinkResult.Outcome.RESTORED : RelinkResult.Outcome.NOT_RESTORED,
                    false, r.summary(), Optional.of(session), Optional.of(r), Optional.empty());
        }
        return relink(OwedRestore.of(session), session.target());
    }

    /** Closes the lost target, reopens its link and restores what {@code owed} lists; the target is left running. */
    public RelinkResult relink(OwedRestore owed, KdTarget lost) {
        lost.close(); // frees the port or device for the new link (a KDNET port, a serial device)
        String lastError = "";
        long deadline = clock.deadlineAfter(budget.toNanos());
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return restoreOver(reopener.reopen(Duration.ofNanos(Math.max(1, deadline - clock.nanoTime()))), owed);
            } catch (TargetException e) {
                lastError = e.getMessage();
                LOG.log(System.Logger.Level.DEBUG, "reconnect attempt failed: " + lastError);
            }
            long left = deadline - clock.nanoTime();
            if (left <= 0 || !pause(Math.min(left, backoff.toNanos()))) {
                return notReconnected(owed, lastError);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /**
     * On a freshly attached target: when it runs the boot {@code owed} was made in, adopts and
     * restores; when it rebooted, there is nothing to restore. {@code resume} false leaves it broken in
     * (a {@code %connect}).
     */
    public RelinkResult restoreOver(KdTarget fresh, OwedRestore owed, boolean resume) {
        PoolHitTagSession session = PoolHitTagSession.continuing(fresh, owed);
        BootCheck check = fresh.checkBoot(owed.edits());
        Optional<String> tagGone = tagGone(fresh, owed);
        boolean tagArmedThere = owed.savedPoolHitTag().isPresent() && owed.armed().isPresent() && tagGone.isEmpty();
        boolean rebooted = check.verdict() == BootCheck.Verdict.REBOOTED && !tagArmedThere
                || check.verdict() == BootCheck.Verdict.UNCONFIRMED && tagGone.isPresent();
        if (rebooted) {
            return rebooted(session, check.verdict() == BootCheck.Verdict.REBOOTED ? check.reason() : tagGone.get(),
                    resume);
        }
        fresh.adopt(owed.edits()).forEach(note -> LOG.log(System.Logger.Level.INFO, note));
        owed.savedPoolHitTag().ifPresent(v -> session.restorer().savePoolHitTag(owed.poolHitTagAddress(), v));
        RestoreReport r = session.restorer().restore(resume);
        if (r.resumed()) {
            absorbLatchedBreakIn(session);
        }
        LOG.log(System.Logger.Level.INFO, check.reason() + "; " + r.summary());
        return r.restored()
                ? new RelinkResult(RelinkResult.Outcome.RESTORED, true, "reconnected and restored the target",
                        Optional.of(session), Optional.of(r), Optional.empty())
                : new RelinkResult(RelinkResult.Outcome.NOT_RESTORED, true, "reconnected but " + r.summary(),
                        Optional.of(session), Optional.of(r), Optional.empty());
    }

    /** A new link that died while restoring is closed; the next attempt starts over from {@code owed}. */
    private RelinkResult restoreOver(KdTarget fresh, OwedRestore owed) {
        try {
            return restoreOver(fresh, owed, true);
        } catch (TargetException e) {
            fresh.close();
            throw e;
        }
    }

    private static RelinkResult rebooted(PoolHitTagSession session, String why, boolean resume) {
        RestoreReport r = session.restorer().restore(resume); // nothing to undo: steps past a hard-coded int 3
        if (r.resumed()) {
            absorbLatchedBreakIn(session);
        }
        return new RelinkResult(RelinkResult.Outcome.REBOOTED, true, "reconnected, but the target rebooted meanwhile ("
                + why + "): nothing of ours is left to restore" + (r.resumed() ? "; target running" : ""),
                Optional.of(session), Optional.of(r), Optional.empty());
    }

    /**
     * A target already held at a stop when the new link attached latched the attach's break-in byte
     * (kdcom does, while in its debugger loop): it breaks in again right after the resume. That stop is
     * ours, not the user's: continue it.
     */
    private static void absorbLatchedBreakIn(PoolHitTagSession session) {
        KdTarget fresh = session.target();
        Optional<Stop> again = fresh.awaitStop(LATCHED_BREAK_IN_WAIT);
        if (again.isPresent() && fresh.info() != null && again.get().pc() == fresh.info().breakpointWithStatus()) {
            session.restorer().restore(); // nothing left to undo: steps past the break-in's int 3 and resumes
        } else if (again.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "after the restore the target stopped again: " + again.get());
        }
    }

    /** PoolHitTag no longer holds what we armed: that boot is gone (or someone reset it). */
    private static Optional<String> tagGone(KdTarget fresh, OwedRestore owed) {
        if (owed.savedPoolHitTag().isEmpty() || owed.armed().isEmpty()) {
            return Optional.empty();
        }
        PoolTag now = PoolTag.of((int) fresh.memory().u32(owed.poolHitTagAddress()));
        PoolTag armed = owed.armed().get();
        return now.value() == armed.value() ? Optional.empty() : Optional.of("PoolHitTag at "
                + fresh.addressStyle().text(owed.poolHitTagAddress()) + " holds " + now + ", not the armed " + armed);
    }

    private RelinkResult notReconnected(OwedRestore owed, String lastError) {
        String seconds = budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
        String message = "could not reconnect within " + seconds + (owed.isEmpty() ? "; nothing of ours was left on it"
                : ": the target may still be armed (" + owed.summary() + ") - run %restore after reconnecting");
        LOG.log(System.Logger.Level.WARNING, message + " (last attempt: " + lastError + ")");
        return new RelinkResult(RelinkResult.Outcome.NOT_RECONNECTED, true, message, Optional.empty(), Optional.empty(),
                Optional.of(owed));
    }

    /** Waits on the clock; false when interrupted (the flag stays set: give up retrying). */
    private boolean pause(long nanos) {
        long until = clock.deadlineAfter(nanos);
        pauseLock.lock();
        try {
            while (clock.nanoTime() - until < 0) {
                clock.awaitUntil(pauseLock, never, until);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pauseLock.unlock();
        }
    }
}
