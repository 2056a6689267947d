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

    /** The x64 simulator's folder. */
    static Path folder() {
        return folder(false);
    }

    /**
     * {@code ~/.cache/poolhit/sim-symbols/x64} (or {@code x86}), filled if a PDB is missing or differs
     * in size. One folder per architecture: both image sets have a {@code myfault.pdb}.
     */
    static Path folder(boolean x86) {
        SimImages images = x86 ? SimImages.x86() : SimImages.x64();
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "poolhit", "sim-symbols", x86 ? "x86" : "x64");
        try {
            Files.createDirectories(dir);
            for (String name : images.fileNames()) {
                if (name.endsWith(".pdb")) {
                    extract(images, dir, name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's PDBs to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static void extract(SimImages images, Path dir, String name) throws IOException {
        byte[] bytes = images.bytes(name);
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
