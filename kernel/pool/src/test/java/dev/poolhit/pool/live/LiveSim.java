package dev.poolhit.pool.live;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.symbol.SymbolPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Test fixture: a simulated target, a KdTarget attached over an in-process pipe, the sim PDBs as
 * symbol path. Public for the fault tests in {@code dev.poolhit.pool.faults}.
 */
public final class LiveSim implements AutoCloseable {
    public final SimulatedTarget sim;
    public final Machine machine;
    public final KdTarget target;

    public LiveSim(SimConfig config, Path symbolDir) {
        this(config, symbolDir, UnaryOperator.identity());
    }

    /** As above, with the attach options adjusted by {@code tune} (e.g. short ACK timeouts for a noisy link). */
    public LiveSim(SimConfig config, Path symbolDir, UnaryOperator<KdTargetOptions> tune) {
        this(config, symbolDir, tune, UnaryOperator.identity());
    }

    /** As above, with the host's packet link wrapped by {@code wrap} (e.g. to mangle chosen packets). */
    public LiveSim(SimConfig config, Path symbolDir, UnaryOperator<KdTargetOptions> tune,
                   UnaryOperator<PacketLink> wrap) {
        sim = SimulatedTarget.start(config);
        machine = sim.machine();
        target = attach(sim, symbolDir, tune, wrap);
    }

    /** A KdTarget attached to {@code sim}'s in-process link. */
    public static KdTarget attach(SimulatedTarget sim, Path symbolDir, UnaryOperator<KdTargetOptions> tune) {
        return attach(sim, symbolDir, tune, UnaryOperator.identity());
    }

    private static KdTarget attach(SimulatedTarget sim, Path symbolDir, UnaryOperator<KdTargetOptions> tune,
                                   UnaryOperator<PacketLink> wrap) {
        SimImages images = sim.machine().version().x86() ? SimImages.x86() : SimImages.x64();
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(pdbFolder(symbolDir, images))
                .withConnectTimeout(Duration.ofSeconds(20));
        return KdTarget.attach(wrap.apply(KdcomLink.open(sim.hostEnd(), KdClock.system())), tune.apply(options));
    }

    public static LiveSim start(Path symbolDir) {
        return new LiveSim(SimConfig.DEFAULT.withEventsPerSecond(0), symbolDir);
    }

    /** The 32-bit Windows 7 SP1 simulator, as fast as it runs. */
    public static LiveSim startX86(Path symbolDir) {
        return new LiveSim(SimConfig.DEFAULT.withEventsPerSecond(0).withArchitecture(Architecture.X86), symbolDir);
    }

    public static TraceRecorder recorder(PoolTag tag) {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return TraceRecorder.inMemory(new TraceInfo("live sim", Missing.TEXT, tag, Missing.LONG), fixed);
    }

    public static SymbolPath pdbFolder(Path dir) {
        return pdbFolder(dir, SimImages.x64());
    }

    /** The PDBs of an image set ({@code SimImages.x86()} for the 32-bit machine) as a symbol-path folder. */
    public static SymbolPath pdbFolder(Path dir, SimImages images) {
        try {
            for (String f : images.fileNames()) {
                if (f.endsWith(".pdb")) {
                    Files.write(dir.resolve(f), images.bytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SymbolPath.parse(dir.toString(), dir);
    }

    /** Bytes at an address as the simulator holds them (not through the debugger; x86: the low 32 bits address). */
    public byte[] simBytes(long address, int length) {
        byte[] out = new byte[length];
        machine.readVirtual(machine.version().x86() ? address & 0xffffffffL : address, out, 0, length);
        return out;
    }

    @Override
    public void close() {
        target.close();
        sim.close();
    }
}
