package dev.poolhit.pool.live;

import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.BreakIn;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import dev.poolhit.target.unwind.Reg;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One {@code %trace}: resumes the armed target and records PoolHitTag hits into a
 * {@link TraceRecorder} until N hits, the deadline, an interrupt, an unrelated stop or a lost link.
 *
 * <p>Lifecycle: {@link #run} needs the target broken in with PoolHitTag armed. At each stop it
 * decides whether the stop is a check site (learned on first hit: the code's own byte at RIP is
 * {@code int 3} and the code belongs to a kernel pool routine), records the hit, and continues
 * past the {@code int 3} by the request's {@link Strategy}. It returns with the target broken in
 * at the last hit (COMPLETED, TIMEOUT), broken in at the unrelated stop with our edits removed
 * (UNRELATED_STOP), or restored and running (INTERRUPTED, FAILED; LINK_LOST: over a new link when a
 * {@link Relinker} is given and the link comes back, else it says what is left on the target).
 * {@link Thread#interrupt()} of the calling thread ends it within a second; the interrupt flag
 * is set again on return. The target is driven from a worker thread meanwhile (progress
 * callbacks come from there).
 */
public final class TraceRun {
    /** Longest single wait, so an interrupt or the deadline is noticed promptly. */
    static final Duration SLICE = Duration.ofMillis(200);
    private static final byte INT3 = (byte) 0xcc;
    private static final byte NOP = (byte) 0x90;
    private static final System.Logger LOG = System.getLogger(TraceRun.class.getName());

    private final PoolHitTagSession session;
    private final KdTarget target;
    private final TraceRequest request;
    private final Set<Long> sites = new LinkedHashSet<>();
    /** Sites named while broken in: the result may be built with the target running again (restore, reboot). */
    private final List<String> siteNames = new ArrayList<>();
    private final SiteStepper stepper;
    private Clock clock = Clock.systemUTC();
    private TraceProgress progress = TraceProgress.NONE;
    private Relinker relinker;
    private int taken;
    private int rebootsAtStart;
    private final LineNoise noise;
    private volatile boolean stopRequested;

    TraceRun(PoolHitTagSession session, TraceRequest request) {
        this.session = session;
        this.target = session.target();
        this.request = request;
        this.stepper = new SiteStepper(target);
        this.noise = new LineNoise(target);
    }

    /** The wall clock for hit times (injected in tests). */
    public TraceRun clock(Clock value) {
        this.clock = value;
        return this;
    }

    public TraceRun progress(TraceProgress value) {
        this.progress = value;
        return this;
    }

    /** On a lost link, reconnect through {@code value} and restore there (without it the end only says what is left). */
    public TraceRun relink(Relinker value) {
        this.relinker = value;
        return this;
    }

    /**
     * Runs the trace on a worker thread and waits for it; hits go to {@code recorder} (which the
     * caller closes). An interrupt of the calling thread asks the worker to stop at its next wait
     * (within {@link #SLICE}), so no request is ever cut in half; the worker then restores.
     */
    public TraceResult run(TraceRecorder recorder) {
        FutureTask<TraceResult> task = new FutureTask<>(() -> runOnWorker(recorder));
        Thread worker = new Thread(task, "poolhit-trace");
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopRequested = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("trace worker failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TraceResult runOnWorker(TraceRecorder recorder) {
        PendingHits pending = new PendingHits(recorder);
        HitReader reader = new HitReader(target, clock, session.armed(), request.maxFrames());
        long deadline = target.clock().deadlineAfter(request.timeout().toNanos());
        rebootsAtStart = target.reboots();
        TraceResult result;
        try {
            continueFromCurrentStop();
            result = loop(reader, pending, recorder, deadline);
        } catch (SiteStepper.UnexpectedStop e) {
            result = unrelated(e.stop());
        } catch (TargetException e) {
            result = failed(e);
        } finally {
            pending.flushAll();
            recorder.tick();
        }
        return result;
    }

    private TraceResult loop(HitReader reader, PendingHits pending, TraceRecorder recorder, long deadline) {
        while (taken < request.hits() || pending.anyWaiting()) {
            Optional<Stop> next = target.awaitStop(slice(deadline));
            recorder.tick(); // hits recorded before a quiet spell reach the file within a second
            if (stopRequested) {
                return restored(TraceEnd.INTERRUPTED, "interrupted after " + taken + " hits");
            }
            if (target.reboots() != rebootsAtStart) {
                return rebooted(pending);
            }
            if (next.isEmpty()) {
                if (target.clock().nanoTime() - deadline >= 0) {
                    return timedOut(pending);
                }
                continue;
            }
            Stop stop = next.get();
            boolean noisy = noise.sinceLastStop();
            if (isOurReturn(stop, pending)) {
                onReturn(stop, pending);
            } else if (isSite(stop, reader)) {
                if (taken < request.hits()) {
                    take(stop, reader, pending);
                }
                if (taken < request.hits() || pending.anyWaiting()) {
                    continuePastSite(stop);
                }
            } else if (noise.forgedBreakIn(noisy, stop)) {
                stepper.resumeFromCurrentStop(stop);
            } else {
                return unrelated(stop);
            }
        }
        return result(TraceEnd.COMPLETED, taken + " hits" + noise.summary(), Optional.empty());
    }

    private void take(Stop stop, HitReader reader, PendingHits pending) {
        HitReader.Read read = reader.read(stop);
        taken++;
        if (request.pair() && read.allocatorReturn().isPresent()) {
            long ret = read.allocatorReturn().getAsLong();
            pending.addWaiting(read.hit(), ret);
            target.setBreakpoint(ret);
        } else {
            pending.add(read.hit());
        }
        progress.update(taken, request.hits());
    }

    private boolean isSite(Stop stop, HitReader reader) {
        if (stop.kind() != Stop.Kind.BREAKPOINT) {
            return false;
        }
        long site = reader.siteOf(stop); // the caller for 'call DbgBreakPoint' sites (x86)
        if (sites.contains(site)) {
            return true;
        }
        if (target.read(stop.pc(), 1)[0] != INT3 || !reader.isPoolRoutine(site)) {
            return false;
        }
        sites.add(site);
        String name = target.describe(site).text(target.addressStyle());
        siteNames.add(name);
        LOG.log(System.Logger.Level.DEBUG, () -> "learned check site " + name);
        if (request.strategy() == Strategy.PATCH && !target.patches().containsKey(stop.pc())) {
            target.patch(stop.pc(), NOP);
            target.setBreakpoint(stop.pc());
        }
        return true;
    }

    private boolean isOurReturn(Stop stop, PendingHits pending) {
        return stop.kind() == Stop.Kind.BREAKPOINT && !sites.contains(stop.pc())
                && target.breakpoints().containsKey(stop.pc()) && pending.anyWaitsAt(stop.pc());
    }

    /** The allocation returned: RAX is the block; the one-shot breakpoint goes once nobody else waits there. */
    private void onReturn(Stop stop, PendingHits pending) {
        if (pending.waitsAt(stop.pc(), stop.thread())) {
            pending.complete(stop.pc(), stop.thread(), target.registers().get(Reg.RAX));
        }
        if (pending.anyWaitsAt(stop.pc())) {
            stepper.stepOverOurBreakpoint(stop.pc());
        } else {
            target.removeBreakpoint(stop.pc());
        }
        if (taken < request.hits() || pending.anyWaiting()) {
            target.resume();
        } // else the trace is complete: stay broken in here (the original instruction runs on the next resume)
    }

    private void continuePastSite(Stop stop) {
        if (request.strategy() == Strategy.PATCH && target.breakpoints().containsKey(stop.pc())) {
            stepper.stepOverOurBreakpoint(stop.pc()); // the nop under it falls through into the stub's jmp back
        } else {
            target.setInstructionPointer(stop.pc() + 1);
        }
        target.resume();
    }

    /** The target sits at a break-in or an earlier hit: get past a hard-coded int 3 first. */
    private void continueFromCurrentStop() {
        stepper.resumeFromCurrentStop(target.lastStop().orElseThrow(() -> new dev.poolhit.target.TargetRunningException(
                "cannot trace: target is running, expected broken in with PoolHitTag armed")));
    }

    private TraceResult timedOut(PendingHits pending) {
        Optional<Stop> s = BreakIn.andWait(target, PoolHitTagSession.STOP_TIMEOUT);
        if (s.isEmpty()) {
            return restored(TraceEnd.FAILED, "deadline passed and the target did not stop after "
                    + BreakIn.ATTEMPTS + " break-ins");
        }
        removeReturnBreakpoints();
        return result(TraceEnd.TIMEOUT, "deadline " + request.timeout().toSeconds() + " s passed after " + taken
                + " hits", Optional.empty());
    }

    private TraceResult unrelated(Stop stop) {
        RestoreReport r = session.restorer().restore(false);
        return result(TraceEnd.UNRELATED_STOP, "target stopped for something else: " + stop.text(target.addressStyle())
                + " at " + target.describe(stop.pc()).text(target.addressStyle()) + "; left broken in there", Optional.of(r));
    }

    private TraceResult failed(TargetException e) {
        if (target.reboots() != rebootsAtStart) {
            return rebooted(null);
        }
        if (stopRequested && target.state() != TargetState.DISCONNECTED) {
            return restored(TraceEnd.INTERRUPTED, "interrupted after " + taken + " hits");
        }
        TraceEnd end = target.state() == TargetState.DISCONNECTED || e instanceof TargetDisconnectedException
                ? TraceEnd.LINK_LOST : TraceEnd.FAILED;
        if (end == TraceEnd.LINK_LOST && relinker != null) {
            LOG.log(System.Logger.Level.INFO, "link lost after " + taken + " hits: " + e.getMessage());
            RelinkResult r = relinker.relink(OwedRestore.of(session), target);
            return new TraceResult(taken, end, "link lost after " + taken + " hits; " + r.message(), siteNames,
                    r.restore(), Optional.of(r));
        }
        return restored(end, (end == TraceEnd.LINK_LOST ? "link lost" : "trace failed") + " after " + taken
                + " hits: " + e.getMessage());
    }

    /** The old boot took our edits with it; the restorer only resumes the new one (and says so). */
    private TraceResult rebooted(PendingHits pending) {
        if (pending != null) {
            pending.flushAll(); // blocks of allocations that never returned stay missing
        }
        return restored(TraceEnd.REBOOTED, "target rebooted after " + taken + " hits; the hits so far are kept");
    }

    private TraceResult restored(TraceEnd end, String message) {
        RestoreReport r = session.restorer().restore();
        return result(end, message + "; " + r.summary(), Optional.of(r));
    }

    private void removeReturnBreakpoints() {
        for (Long a : new ArrayList<>(target.breakpoints().keySet())) {
            if (!sites.contains(a) && !target.patches().containsKey(a)) { // a patched site keeps its breakpoint
                target.removeBreakpoint(a);
            }
        }
    }

    private TraceResult result(TraceEnd end, String message, Optional<RestoreReport> restore) {
        return new TraceResult(taken, end, message, siteNames, restore);
    }

    private Duration slice(long deadline) {
        long left = deadline - target.clock().nanoTime();
        return Duration.ofNanos(Math.max(1, Math.min(left, SLICE.toNanos())));
    }
}
