package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.pool.live.OwedRestore;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RelinkResult;
import dev.poolhit.pool.live.Relinker;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.TargetState;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's investigation state, shared by the investigation magics and reachable from Java
 * cells through {@link PoolHit#session()}: the attached target, the PoolHitTag session, and the
 * last trace (recorded, loaded or imported). One instance per kernel; magics run one at a time,
 * while {@link #shutdown()} may come from another thread.
 */
public final class Investigation {
    /** How long shutdown waits for an interrupted trace to restore the target (TraceRun ends within a second). */
    static final long SHUTDOWN_WAIT_NANOS = 3_000_000_000L;
    private Connection connection;
    private OptionalLong tagAddress = OptionalLong.empty();
    private PoolHitTagSession tagSession;
    private Thread shutdownHook;
    private Trace lastTrace;
    private TraceResult lastResult;
    private Thread tracing;
    /** What a lost link left on the target when no link came back: the next %connect restores it (same boot). */
    private OwedRestore owed;

    /** Whether a target is attached. */
    public synchronized boolean connected() {
        return connection != null;
    }

    /** The attached target. */
    public synchronized KdTarget target() {
        return connection().target();
    }

    /** The attached target, which must be broken in (memory, registers, traces need that). */
    synchronized KdTarget brokenTarget() {
        KdTarget target = connection().target();
        if (target.state() != TargetState.BROKEN) {
            throw new InvestigationException("TargetRunning", "the target is " + target.state().name().toLowerCase(Locale.ROOT)
                    + ": run %break first");
        }
        return target;
    }

    /** The in-process simulator behind {@code %connect sim}, for ground-truth checks. */
    public synchronized Optional<SimulatedTarget> simulator() {
        return connection == null ? Optional.empty() : connection.simulator();
    }

    /** The simulated machine (memory, breakpoints, ground-truth log) behind {@code %connect sim}. */
    public synchronized Optional<Machine> machine() {
        return simulator().map(SimulatedTarget::machine);
    }

    /** The last trace: from {@code %trace}, {@code %load} or {@code %import-kd-log}. */
    public synchronized Optional<Trace> lastTrace() {
        return Optional.ofNullable(lastTrace);
    }

    /** The tables of the last trace ({@code hits()}, {@code frames()}, {@code stacks()}, {@code outstanding()}). */
    public TraceTables tables() {
        return TraceTables.of(lastTrace().orElseThrow(() -> new InvestigationException("NoTrace",
                "no trace yet: record one with %trace N, or %load FILE / %import-kd-log FILE")));
    }

    synchronized Optional<TraceResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** A trace runs on the calling thread until {@link #traceFinished}; shutdown interrupts it. */
    synchronized void traceStarted(Trace recording) {
        tracing = Thread.currentThread();
        lastTrace = recording;
        lastResult = null;
    }

    synchronized void traceFinished(Trace trace, TraceResult result) {
        tracing = null;
        lastTrace = trace;
        lastResult = result;
        notifyAll();
    }

    /** Whether a {@code %trace} is running now. */
    public synchronized boolean tracing() {
        return tracing != null;
    }

    synchronized void traceLoaded(Trace trace) {
        lastTrace = trace;
        lastResult = null;
    }

    synchronized Connection connection() {
        if (connection == null) {
            throw InvestigationException.notConnected();
        }
        return connection;
    }

    synchronized void attached(Connection value, OptionalLong poolHitTagAt) {
        if (connection != null) {
            throw new IllegalStateException("already connected");
        }
        connection = value;
        tagAddress = poolHitTagAt;
    }

    /** The PoolHitTag session, located on first use (by symbols, or at the {@code --at} address). */
    synchronized PoolHitTagSession tagSession(OptionalLong typed) {
        KdTarget target = connection().target();
        OptionalLong at = onTarget(target, typed);
        if (at.isPresent() && tagSession != null && tagSession.address() != at.getAsLong()) {
            throw new InvestigationException("PoolHitTagMoved", "PoolHitTag is already in use at "
                    + target.addressStyle().text(tagSession.address())
                    + ": %restore and %disconnect before using another address");
        }
        if (tagSession == null) {
            OptionalLong address = at.isPresent() ? at : onTarget(target, tagAddress);
            tagSession = address.isPresent() ? PoolHitTagSession.at(target, address.getAsLong())
                    : PoolHitTagSession.locate(target);
            addHook();
        }
        return tagSession;
    }

    /** A typed {@code --at} address in the target's model form: {@code 82800000} is {@code ffffffff`82800000} on x86. */
    private static OptionalLong onTarget(KdTarget target, OptionalLong typed) {
        if (typed.isEmpty()) {
            return typed;
        }
        try {
            return OptionalLong.of(target.addressStyle().canonical(typed.getAsLong()));
        } catch (NumberFormatException e) {
            throw new InvestigationException("BadAddress", "--at: " + e.getMessage());
        }
    }

    synchronized Optional<PoolHitTagSession> existingTagSession() {
        return Optional.ofNullable(tagSession);
    }

    /** Restores over the link, reconnecting when it was lost (idempotent); empty when nothing was ever armed. */
    synchronized Optional<RelinkResult> restore() {
        if (tagSession == null || connection == null) {
            return Optional.empty();
        }
        RelinkResult r = relinker().restore(tagSession);
        relinked(r);
        return Optional.of(r);
    }

    /** Reopens this connection's spec for up to {@link Relinker#BUDGET} when its link is lost. */
    synchronized Relinker relinker() {
        return new Relinker(connection().reopener(), KdClock.system(), Relinker.BUDGET);
    }

    /** After a relink: the new link's session from now on, or, when none came back, what is still owed. */
    synchronized void relinked(RelinkResult r) {
        r.session().filter(s -> s != tagSession).ifPresent(s -> {
            connection.adopt(s.target());
            tagSession = s;
            addHook();
        });
        owed = r.stillOwed().filter(o -> !o.isEmpty()).orElse(null);
    }

    /** What a lost link left on the target, until a restore or {@code %connect} to the same boot puts it back. */
    synchronized Optional<OwedRestore> owed() {
        return Optional.ofNullable(owed);
    }

    /** {@code %connect} over a lost link: drops it, keeping what it left on the target for the new one. */
    synchronized void dropLostConnection() {
        if (tagSession != null) {
            owed = Optional.of(OwedRestore.of(tagSession)).filter(o -> !o.isEmpty()).orElse(owed);
        }
        detach();
    }

    /** Right after {@code %connect}: adopts and restores what a lost link left, when it is the same boot; stays broken in. */
    synchronized Optional<RelinkResult> restoreOwed() {
        if (owed == null) {
            return Optional.empty();
        }
        RelinkResult r = relinker().restoreOver(connection().target(), owed, false);
        relinked(r);
        return Optional.of(r);
    }

    /** Restores, then detaches; returns what the restore did (what a lost link left stays owed). */
    synchronized Optional<RelinkResult> disconnect() {
        if (connection == null) {
            throw InvestigationException.notConnected();
        }
        try {
            return restore();
        } finally {
            detach();
        }
    }

    private void detach() {
        connection.close();
        connection = null;
        tagSession = null;
        tagAddress = OptionalLong.empty();
        if (shutdownHook != null) {
            removeHook();
        }
    }

    /** The hook restores through this investigation, so it follows the session to a new link after a reconnect. */
    private void addHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::restoreAtExit, "poolhit-restore");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void restoreAtExit() {
        restore().ifPresent(r -> System.getLogger(Investigation.class.getName()).log(
                r.outcome() == RelinkResult.Outcome.RESTORED ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "shutdown: " + r.message()));
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway; restore is idempotent
        }
        shutdownHook = null;
    }

    /**
     * The kernel is stopping: a running trace is interrupted (it restores the target itself, being
     * the one thread that drives it), then the target is restored and the link closed.
     */
    void shutdown() throws InterruptedException {
        synchronized (this) {
            if (tracing != null) {
                tracing.interrupt();
                long deadline = System.nanoTime() + SHUTDOWN_WAIT_NANOS;
                while (tracing != null && System.nanoTime() < deadline) {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            }
        }
        if (connected()) {
            disconnect();
        }
    }
}
