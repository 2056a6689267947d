package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RestoreReport;
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
    synchronized PoolHitTagSession tagSession(OptionalLong at) {
        KdTarget target = connection().target();
        if (at.isPresent() && tagSession != null && tagSession.address() != at.getAsLong()) {
            throw new InvestigationException("PoolHitTagMoved", "PoolHitTag is already in use at "
                    + Hex.u64(tagSession.address()) + ": %restore and %disconnect before using another address");
        }
        if (tagSession == null) {
            OptionalLong address = at.isPresent() ? at : tagAddress;
            tagSession = address.isPresent() ? PoolHitTagSession.at(target, address.getAsLong())
                    : PoolHitTagSession.locate(target);
            shutdownHook = tagSession.restorer().shutdownHook();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return tagSession;
    }

    synchronized Optional<PoolHitTagSession> existingTagSession() {
        return Optional.ofNullable(tagSession);
    }

    /** Puts the target back (idempotent); empty when nothing was ever armed. */
    synchronized Optional<RestoreReport> restore() {
        return tagSession == null || connection == null ? Optional.empty() : Optional.of(tagSession.restorer().restore());
    }

    /** Restores, then detaches; returns what the restore did. */
    synchronized Optional<RestoreReport> disconnect() {
        if (connection == null) {
            throw InvestigationException.notConnected();
        }
        try {
            return restore();
        } finally {
            connection.close();
            connection = null;
            tagSession = null;
            tagAddress = OptionalLong.empty();
            if (shutdownHook != null) {
                removeHook();
            }
        }
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
