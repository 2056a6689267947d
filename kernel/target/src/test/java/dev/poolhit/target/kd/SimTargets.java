package dev.poolhit.target.kd;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.target.symbol.SymbolPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Test helper: the simulated target over an in-process pipe, attached with the sim images' PDBs as symbol path. */
final class SimTargets {
    private SimTargets() {}

    /** Copies the sim's PDBs into {@code dir}: a plain symbol-path folder. */
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

    static SimulatedTarget start() {
        return SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
    }

    static KdTarget attach(SimulatedTarget sim, SymbolPath symbols) {
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(symbols)
                .withConnectTimeout(Duration.ofSeconds(20));
        return KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()), options);
    }
}
