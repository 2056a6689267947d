package dev.poolhit.pool.live;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
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

/** Test fixture: a simulated target, a KdTarget attached over an in-process pipe, the sim PDBs as symbol path. */
final class LiveSim implements AutoCloseable {
    final SimulatedTarget sim;
    final Machine machine;
    final KdTarget target;

    LiveSim(SimConfig config, Path symbolDir) {
        sim = SimulatedTarget.start(config);
        machine = sim.machine();
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(pdbFolder(symbolDir))
                .withConnectTimeout(Duration.ofSeconds(20));
        target = KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()), options);
    }

    static LiveSim start(Path symbolDir) {
        return new LiveSim(SimConfig.DEFAULT.withEventsPerSecond(0), symbolDir);
    }

    static TraceRecorder recorder(PoolTag tag) {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return TraceRecorder.inMemory(new TraceInfo("live sim", Missing.TEXT, tag, Missing.LONG), fixed);
    }

    static SymbolPath pdbFolder(Path dir) {
        try {
            for (String f : SimImages.x64().fileNames()) {
                if (f.endsWith(".pdb")) {
                    Files.write(dir.resolve(f), SimImages.x64().bytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SymbolPath.parse(dir.toString(), dir);
    }

    /** Bytes at an address as the simulator holds them (not through the debugger). */
    byte[] simBytes(long address, int length) {
        byte[] out = new byte[length];
        machine.readVirtual(address, out, 0, length);
        return out;
    }

    @Override
    public void close() {
        target.close();
        sim.close();
    }
}
