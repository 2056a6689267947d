package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.PacketSummary;
import dev.poolhit.sim.SimException;
import dev.poolhit.sim.machine.StopEvent;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The target's one thread: runs the machine, polls for break-in, reports stops and serves the host
 * while broken in (ROS {@code KdpSendWaitContinue}). {@link #shutdown()} and {@link #requestReboot()}
 * may be called from any thread; closing the link ends the thread.
 *
 * <pre>
 *   state    what the thread does                         leaves by
 *   RUNNING  machine events paced on the clock; link      a machine stop (break-in byte, int 3, step)
 *            polled for 0x62 only
 *   BROKEN   state change sent; manipulate requests        Continue/Continue2 (or reboot)
 *            served; RESET resends the state change
 * </pre>
 */
final class TargetEngine implements Runnable {
    private static final System.Logger LOG = System.getLogger(TargetEngine.class.getName());
    /** Workload events between link polls when running as fast as possible. */
    private static final long BATCH = 16;
    /** How often a broken-in target looks at shutdown/reboot requests while the host is silent. */
    private static final long IDLE_POLL_NANOS = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** A state change waiting for the host, and whether it is a machine stop (vs. a load notice). */
    private record Pending(StateChange64 change, boolean machineStop, long dr7) {}

    private final TargetMachine machine;
    private final TargetPort port;
    private final KdClock clock;
    private final SimConfig config;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean shutdown;
    private volatile boolean rebootRequested;
    private volatile Throwable failure;
    private int seenBoots;
    private final boolean pluggedBackIn;
    private long nextDue;

    TargetEngine(TargetMachine machine, PacketLink link, SimConfig config) {
        this(machine, link, config, false);
    }

    /** @param pluggedBackIn the machine ran before on another link: no boot announcement, report a held stop again */
    TargetEngine(TargetMachine machine, PacketLink link, SimConfig config, boolean pluggedBackIn) {
        this.pluggedBackIn = pluggedBackIn;
        this.machine = machine;
        this.port = new TargetPort(link, config.ackTimeout(), config.optionalRetries());
        this.clock = link.clock();
        this.config = config;
    }

    @Override
    public void run() {
        try {
            if (pluggedBackIn) {
                resumeConversation();
            } else {
                announceBoot();
            }
            while (!shutdown) {
                if (rebootRequested) {
                    rebootRequested = false;
                    machine.reboot();
                    announceBoot();
                }
                Optional<StopEvent> stop = runSlice();
                if (machine.bootCount() != seenBoots) {
                    announceBoot();
                } else if (stop.isPresent()) {
                    serve(new Pending(StateChanges.exception(stop.get(), x86()), true, stop.get().dr7()));
                } else {
                    for (ModuleInfo m : machine.takeLoadedModules()) {
                        serve(new Pending(StateChanges.loadSymbols(m, machine), false, 0));
                    }
                }
            }
        } catch (LinkClosedException | KdInterruptedException e) {
            LOG.log(System.Logger.Level.DEBUG, "target stopped: " + e.getMessage());
        } catch (KdException | RuntimeException e) {
            failure = e;
            LOG.log(System.Logger.Level.WARNING, "simulated target failed: " + e.getMessage(), e);
        } finally {
            port.link().close();
            finished.countDown();
        }
    }

    void shutdown() {
        shutdown = true;
        port.link().close();
    }

    void requestReboot() {
        rebootRequested = true;
    }

    CountDownLatch finished() {
        return finished;
    }

    Throwable failure() {
        return failure;
    }

    /** Same boot, new link: kdcom starts over (sync id); a target held in its debugger reports its stop again. */
    private void resumeConversation() throws KdException {
        seenBoots = machine.bootCount();
        port.restart();
        nextDue = clock.nanoTime();
        Optional<StopEvent> held = machine.currentStop();
        if (held.isPresent()) {
            serve(new Pending(StateChanges.exception(held.get(), x86()), true, held.get().dr7()));
        }
    }

    /** After power-on: fresh ids, then the optional boot print, module loads and initial break. */
    private void announceBoot() throws KdException {
        seenBoots = machine.bootCount();
        port.restart();
        nextDue = clock.nanoTime();
        if (config.bootPrint()) {
            String text = "KD: simulated target ready (boot " + seenBoots + ")\n";
            port.send(DebugIo.print(0, text)::toPacket, true);
        }
        if (config.loadSymbols()) {
            for (ModuleInfo m : machine.modules()) {
                serve(new Pending(StateChanges.loadSymbols(m, machine), false, 0));
            }
        }
        if (config.initialBreak()) {
            machine.requestBreakIn();
        }
    }

    private boolean x86() {
        return machine.version().x86();
    }

    /** Runs the workload a little; break-in bytes become a machine break-in request. */
    private Optional<StopEvent> runSlice() throws KdException {
        if (config.eventsPerSecond() <= 0) {
            if (port.pollBreakIn(clock.nanoTime())) {
                machine.requestBreakIn();
            }
            return machine.run(BATCH);
        }
        if (port.pollBreakIn(nextDue)) {
            machine.requestBreakIn();
            return machine.run(0);
        }
        long now = clock.nanoTime();
        if (now - nextDue < 0) {
            return machine.run(0);
        }
        nextDue = Math.max(nextDue, now - SECOND) + (long) (SECOND / config.eventsPerSecond());
        return machine.run(1);
    }

    /** Reports a stop and serves the host until it continues (or a reboot/shutdown is due). */
    private void serve(Pending pending) throws KdException {
        ManipulateServer server = new ManipulateServer(machine, pending.dr7());
        if (!port.send(pending.change()::toPacket, !pending.machineStop())) {
            return;
        }
        while (!shutdown && !rebootRequested) {
            PortEvent e = port.next(clock.deadlineAfter(IDLE_POLL_NANOS));
            if (e instanceof PortEvent.Resync) {
                port.send(pending.change()::toPacket, false);
            } else if (e instanceof PortEvent.Request r && answer(r, server, pending)) {
                return;
            }
        }
    }

    /** Handles one host packet; true when the target leaves the debugger. */
    private boolean answer(PortEvent.Request r, ManipulateServer server, Pending pending) throws KdException {
        if (!r.packet().is(PacketType.STATE_MANIPULATE)) {
            LOG.log(System.Logger.Level.DEBUG, "ignored in the debugger: " + PacketSummary.describe(r.packet()));
            return false;
        }
        ManipulateState request;
        try {
            request = ManipulateState.decode(r.packet().payload());
        } catch (KdProtocolException e) {
            LOG.log(System.Logger.Level.DEBUG, "malformed request dropped: " + e.getMessage());
            return false;
        }
        Outcome outcome = server.handle(request);
        if (outcome instanceof Outcome.Respond respond) {
            port.send(respond.response()::toPacket, false);
        } else if (outcome instanceof Outcome.Reannounce) {
            port.send(pending.change()::toPacket, false);
        } else if (outcome instanceof Outcome.Resume resume) {
            leave(pending, resume);
            return true;
        } else if (outcome instanceof Outcome.Reboot) {
            rebootRequested = true;
            return true;
        }
        return false;
    }

    private void leave(Pending pending, Outcome.Resume resume) {
        if (!pending.machineStop()) {
            return;
        }
        try {
            machine.resume(resume.trace(), resume.dr7());
        } catch (SimException e) {
            throw new IllegalStateException("machine refused to resume after a stop: " + e.getMessage(), e);
        }
        nextDue = Math.max(nextDue, clock.nanoTime());
    }
}
