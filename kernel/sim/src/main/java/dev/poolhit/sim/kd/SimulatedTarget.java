package dev.poolhit.sim.kd;

import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.InProcessPipe;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.machine.Machine;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A simulated Windows x64 target speaking the target side of KDCOM: the handle for
 * {@code %connect sim} (in-process, {@link #start}) and for the TCP launcher ({@link #serve}).
 *
 * <p>One engine thread per target (plus the link's reader). The target starts RUNNING: the host
 * breaks in (byte 0x62) or waits for a stop. {@link #breakIn()}, {@link #reboot()} and
 * {@link #close()} may be called from any thread.
 */
public final class SimulatedTarget implements Closeable {
    private final TargetEngine engine;
    private final Thread thread;
    private final ByteTransport hostEnd;
    private final Machine machine;
    private final TargetMachine target;
    private final KdClock clock;

    private SimulatedTarget(TargetMachine target, Machine machine, ByteTransport targetEnd, ByteTransport hostEnd,
                            SimConfig config, KdClock clock, boolean pluggedBackIn) {
        this.target = target;
        this.machine = machine;
        this.hostEnd = hostEnd;
        this.clock = clock;
        this.engine = new TargetEngine(target, KdcomLink.open(targetEnd, clock), config, pluggedBackIn);
        this.thread = new Thread(engine, "sim-kd-target " + targetEnd.description());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** In-process target on the real clock; the host talks to {@link #hostEnd()}. */
    public static SimulatedTarget start(SimConfig config) {
        return start(config, KdClock.system());
    }

    /**
     * In-process target: boots a machine from the bundled images and connects it to one end of an
     * {@link InProcessPipe}. Link faults apply to what each side writes, baud pacing to both.
     */
    public static SimulatedTarget start(SimConfig config, KdClock clock) {
        Machine machine = bootMachine(config, clock);
        return start(new MachineTarget(machine), machine, config, clock);
    }

    static SimulatedTarget start(TargetMachine target, Machine machine, SimConfig config, KdClock clock) {
        return start(target, machine, config, clock, false);
    }

    /**
     * The same machine, in whatever state the old link left it (same boot, breakpoints, patches,
     * PoolHitTag; a stop it was held in is reported again), on a fresh in-process link with
     * {@code config}'s link knobs: the cable plugged back in. The old link must be gone (cut or closed).
     */
    public SimulatedTarget reconnect(SimConfig config) {
        if (isAlive()) {
            throw new IllegalStateException("still serving the old link: cut or close it first");
        }
        return start(target, machine, config, clock, true);
    }

    private static SimulatedTarget start(TargetMachine target, Machine machine, SimConfig config, KdClock clock,
                                         boolean pluggedBackIn) {
        InProcessPipe.Pair pair = InProcessPipe.pair("sim", InProcessPipe.DEFAULT_CAPACITY);
        LinkKnobs k = config.link();
        if (k.isPerfect()) {
            return new SimulatedTarget(target, machine, pair.target(), pair.host(), config, clock, pluggedBackIn);
        }
        ByteTransport targetEnd = FaultyTransport.wrap(pair.target(), clock, k.baud(), k.toHost(), ByteFaults.NONE,
                k.cutAfterPackets(), k.seed());
        ByteTransport hostEnd = FaultyTransport.wrap(pair.host(), clock, k.baud(), k.toTarget(), ByteFaults.NONE,
                0, k.seed() * 31 + 7);
        return new SimulatedTarget(target, machine, targetEnd, hostEnd, config, clock, pluggedBackIn);
    }

    /**
     * Serves a host on {@code transport} (e.g. an accepted TCP connection). Faults of both
     * directions and pacing are applied at this end.
     */
    public static SimulatedTarget serve(ByteTransport transport, SimConfig config, KdClock clock) {
        Machine machine = bootMachine(config, clock);
        return serve(new MachineTarget(machine), machine, transport, config, clock);
    }

    static SimulatedTarget serve(TargetMachine target, Machine machine, ByteTransport transport, SimConfig config,
                                 KdClock clock) {
        LinkKnobs k = config.link();
        ByteTransport end = k.isPerfect() ? transport : FaultyTransport.wrap(transport, clock, k.baud(), k.toHost(),
                k.toTarget(), k.cutAfterPackets(), k.seed());
        return new SimulatedTarget(target, machine, end, null, config, clock, false);
    }

    /** The machine as the engine drives it; pacing is the engine's, so the machine runs unpaced. */
    static Machine bootMachine(SimConfig config, KdClock clock) {
        ImageSet images = ImageSet.fromClasspath(config.machine().architecture());
        return Machine.boot(config.machine().withEventsPerSecond(0), images,
                new ClockTicker(clock));
    }

    /** The host side of the in-process link (for {@code KdcomLink.open(hostEnd, clock)}). */
    public ByteTransport hostEnd() {
        if (hostEnd == null) {
            throw new IllegalStateException("not an in-process target: the host is on the served transport");
        }
        return hostEnd;
    }

    /** The simulated machine (ground truth, images) for tests and benchmarks. */
    public Machine machine() {
        if (machine == null) {
            throw new IllegalStateException("this target runs a test machine, not the simulated Machine");
        }
        return machine;
    }

    /** Stops a running target at the next event boundary, as the 0x62 byte does. Any thread. */
    public void breakIn() {
        target.requestBreakIn();
    }

    /** Reboots the machine; the target then announces itself from scratch (ids 0x80800800 again). */
    public void reboot() {
        engine.requestReboot();
    }

    /** True while the engine thread runs (false after the link closed or {@link #close()}). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Waits (real time) for the engine to end, e.g. after the host closed the link. */
    public boolean awaitTermination(Duration limit) throws InterruptedException {
        return engine.finished().await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** What ended the engine abnormally, if anything (a closed link is a normal end). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(engine.failure());
    }

    @Override
    public void close() {
        engine.shutdown();
    }
}
