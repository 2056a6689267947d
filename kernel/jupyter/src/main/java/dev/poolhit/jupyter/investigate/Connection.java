package dev.poolhit.jupyter.investigate;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.Transports;
import dev.poolhit.kd.transport.WireLogLink;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import dev.poolhit.pool.live.TargetReopener;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.kd.net.KdnetSimOptions;
import dev.poolhit.sim.kd.net.KdnetSimTarget;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.symbol.SymbolPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One attached target: the debugger model, the in-process simulator behind it (for {@code sim}),
 * and with {@code --wire-log} a packet counter (the packets themselves go to the
 * {@code dev.poolhit.kd.transport.WireLogLink} logger, at INFO).
 */
final class Connection implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final ConnectSpec spec;
    private final KdTargetOptions options;
    private volatile KdTarget target;
    private volatile SimulatedTarget sim;
    private volatile AutoCloseable simulatorOwner;
    private final AtomicLong wireLines;

    private Connection(ConnectSpec spec, KdTargetOptions options, KdTarget target, SimulatedTarget sim,
            AutoCloseable simulatorOwner, AtomicLong wireLines) {
        this.spec = spec;
        this.options = options;
        this.target = target;
        this.sim = sim;
        this.simulatorOwner = simulatorOwner;
        this.wireLines = wireLines;
    }

    /** Attaches; {@code wireLog} counts every packet the link logs (null: no wire log). */
    static Connection open(ConnectSpec spec, SymbolPath symbols, boolean wireLog) {
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(symbols).withConnectTimeout(CONNECT_TIMEOUT);
        AtomicLong lines = wireLog ? new AtomicLong() : null;
        if (!spec.sim()) {
            return new Connection(spec, options, KdTarget.attach(logged(transport(spec.open(), spec, CONNECT_TIMEOUT),
                    lines), options), null, null, lines);
        }
        if (spec.net()) {
            return openKdnetSimulator(spec, options, lines);
        }
        SimulatedTarget sim = SimulatedTarget.start(simConfig(spec));
        try {
            PacketLink link = logged(KdcomLink.open(sim.hostEnd(), KdClock.system()), lines);
            return new Connection(spec, options, KdTarget.attach(link, options), sim, sim, lines);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** {@code sim:net}: the simulator as a KDNET target on loopback UDP, attached through a real KDNET host link. */
    private static Connection openKdnetSimulator(ConnectSpec spec, KdTargetOptions options, AtomicLong lines) {
        KdnetSimTarget sim;
        try {
            sim = KdnetSimTarget.start(simConfig(spec), KdnetSimOptions.loopback(KdnetSimOptions.freeLoopbackPort()));
        } catch (IOException e) {
            throw new TargetDisconnectedException("cannot start the KDNET simulator: " + e.getMessage(), e);
        }
        try {
            PacketLink link = logged(transport(sim.hostSpec(), spec, CONNECT_TIMEOUT), lines);
            return new Connection(spec, options, KdTarget.attach(link, options), sim.target(), sim, lines);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private static SimConfig simConfig(ConnectSpec spec) {
        return spec.knobs().apply(SimConfig.DEFAULT);
    }

    /** KDCOM over a byte transport, or KDNET for {@code net:} specs. */
    private static PacketLink transport(String open, ConnectSpec spec, Duration timeout) {
        try {
            return Transports.openLink(open, timeout, KdClock.system());
        } catch (IOException e) {
            throw new TargetDisconnectedException("cannot open " + spec.text() + ": " + KdnetSpec.redact(e.getMessage()), e);
        }
    }

    private static PacketLink logged(PacketLink link, AtomicLong lines) {
        if (lines == null) {
            return link;
        }
        return new WireLogLink(link, line -> lines.incrementAndGet());
    }

    /**
     * Opens the same spec again and attaches, for {@link dev.poolhit.pool.live.Relinker}: a real target
     * over a new link, the in-process simulator with its cable plugged back in (same machine, no cut).
     */
    TargetReopener reopener() {
        return limit -> {
            KdTargetOptions o = options.withConnectTimeout(limit.compareTo(CONNECT_TIMEOUT) < 0 ? limit : CONNECT_TIMEOUT);
            if (!spec.sim()) {
                return KdTarget.attach(logged(transport(spec.open(), spec, o.connectTimeout()), wireLines), o);
            }
            if (spec.net()) {
                throw new TargetDisconnectedException("cannot reconnect " + spec.text() + ": the KDNET simulator"
                        + " serves one link only");
            }
            return KdTarget.attach(logged(KdcomLink.open(plugSimulatorBackIn().hostEnd(), KdClock.system()), wireLines), o);
        };
    }

    /** The same simulated machine on a fresh in-process link, without the cut knob. */
    private synchronized SimulatedTarget plugSimulatorBackIn() {
        sim.close(); // its engine ends with the old link (already, after a cut); the machine keeps its state
        long limit = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (sim.isAlive() && System.nanoTime() < limit) {
            Thread.onSpinWait();
        }
        SimulatedTarget again = sim.reconnect(simConfig(spec).withLink(LinkKnobs.PERFECT));
        sim = again;
        simulatorOwner = again;
        return again;
    }

    /** From now on the target of a new link (after a reconnect); the lost one is closed. */
    void adopt(KdTarget fresh) {
        KdTarget old = target;
        target = fresh;
        if (old != fresh) {
            old.close();
        }
    }

    static Path defaultSymbolCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "poolhit", "symbols");
    }

    ConnectSpec spec() {
        return spec;
    }

    KdTarget target() {
        return target;
    }

    Optional<SimulatedTarget> simulator() {
        return Optional.ofNullable(sim);
    }

    /** Packets the wire log has seen, when {@code --wire-log} was given. */
    Optional<Long> wirePackets() {
        return wireLines == null ? Optional.empty() : Optional.of(wireLines.get());
    }

    private void closeSimulator() {
        try {
            simulatorOwner.close();
        } catch (Exception e) {
            // the simulated target is going away with this connection; nothing of the user's is lost
            System.getLogger(Connection.class.getName()).log(System.Logger.Level.DEBUG, "closing the simulator", e);
        }
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            if (simulatorOwner != null) {
                closeSimulator();
            }
        }
    }
}
