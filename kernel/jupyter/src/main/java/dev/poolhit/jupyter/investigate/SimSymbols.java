package dev.poolhit.jupyter.investigate;

import dev.poolhit.sim.images.SimImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The simulator's PDBs as a symbol folder: extracted once from the sim-images resources into a
 * cache folder, so the kernel's symbol loader finds them the way it finds any PDB (GUID and age
 * checked), rather than through a shortcut.
 */
final class SimSymbols {
    private SimSymbols() {}

    /** {@code ~/.cache/poolhit/sim-symbols}, filled if a PDB is missing or differs in size. */
    static Path folder() {
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "poolhit", "sim-symbols");
        try {
            Files.createDirectories(dir);
            for (String name : SimImages.x64().fileNames()) {
                if (name.endsWith(".pdb")) {
                    extract(dir, name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's PDBs to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static void extract(Path dir, String name) throws IOException {
        byte[] bytes = SimImages.x64().bytes(name);
        Path file = dir.resolve(Path.of(name).getFileName().toString());
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length) {
            return;
        }
        // Write then move, so a second kernel starting at the same time never reads half a PDB.
        Path partial = Files.createTempFile(dir, name, ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
