package dev.poolhit.target.kd;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.Architecture;
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
        return pdbFolder(dir, SimImages.x64());
    }

    /** Copies the PDBs of an image set ({@code SimImages.x86()} for the 32-bit machine) into {@code dir}. */
    static SymbolPath pdbFolder(Path dir, SimImages images) {
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

    static SimulatedTarget start() {
        return SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0));
    }

    /** The 32-bit Windows 7 SP1 machine, running as fast as it can. */
    static SimulatedTarget startX86() {
        return SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0).withArchitecture(Architecture.X86));
    }

    /** The model form of a 32-bit simulator address: sign-extended from bit 31. */
    static long x86(long address) {
        return (int) address;
    }

    /**
     * Resumes a stopped target; a breakpoint stop at an int 3 compiled into the code (the
     * simulator's PoolHitTag check) is stepped over first, or the target would stop there again.
     */
    static void resumePastInt3(KdTarget target) {
        Stop stop = target.lastStop().orElseThrow();
        if (stop.kind() == Stop.Kind.BREAKPOINT && target.read(stop.pc(), 1)[0] == (byte) 0xcc) {
            target.setInstructionPointer(stop.pc() + 1);
        }
        target.resume();
    }

    static KdTarget attach(SimulatedTarget sim, SymbolPath symbols) {
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(symbols)
                .withConnectTimeout(Duration.ofSeconds(20));
        return KdTarget.attach(KdcomLink.open(sim.hostEnd(), KdClock.system()), options);
    }
}
