package dev.poolhit.jupyter.investigate;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.Transports;
import dev.poolhit.kd.transport.WireLogLink;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
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
    private final KdTarget target;
    private final SimulatedTarget sim;
    private final AtomicLong wireLines;

    private Connection(ConnectSpec spec, KdTarget target, SimulatedTarget sim, AtomicLong wireLines) {
        this.spec = spec;
        this.target = target;
        this.sim = sim;
        this.wireLines = wireLines;
    }

    /** Attaches; {@code wireLog} counts every packet the link logs (null: no wire log). */
    static Connection open(ConnectSpec spec, SymbolPath symbols, boolean wireLog) {
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(symbols).withConnectTimeout(CONNECT_TIMEOUT);
        AtomicLong lines = wireLog ? new AtomicLong() : null;
        if (!spec.sim()) {
            return new Connection(spec, KdTarget.attach(logged(transport(spec), lines), options), null, lines);
        }
        SimulatedTarget sim = SimulatedTarget.start(simConfig(spec));
        try {
            PacketLink link = logged(KdcomLink.open(sim.hostEnd(), KdClock.system()), lines);
            return new Connection(spec, KdTarget.attach(link, options), sim, lines);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private static SimConfig simConfig(ConnectSpec spec) {
        SimConfig config = SimConfig.DEFAULT;
        if (spec.seed().isPresent()) {
            config = config.withSeed(spec.seed().getAsLong());
        }
        if (spec.rate().isPresent()) {
            config = config.withEventsPerSecond(spec.rate().getAsDouble());
        }
        return config;
    }

    private static PacketLink transport(ConnectSpec spec) {
        try {
            return KdcomLink.open(Transports.open(spec.text(), CONNECT_TIMEOUT), KdClock.system());
        } catch (IOException e) {
            throw new TargetDisconnectedException("cannot open " + spec.text() + ": " + e.getMessage(), e);
        }
    }

    private static PacketLink logged(PacketLink link, AtomicLong lines) {
        if (lines == null) {
            return link;
        }
        return new WireLogLink(link, line -> lines.incrementAndGet());
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

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }
}
