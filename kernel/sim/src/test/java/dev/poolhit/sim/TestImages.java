package dev.poolhit.sim;

import dev.poolhit.sim.image.ImageSet;
import java.nio.file.Files;
import java.nio.file.Path;

/** The images every machine test boots: from the poolhit-sim-images jar, or a build.sh output dir named by -Dpoolhit.sim.images. */
public final class TestImages {
    private static ImageSet cached;

    private TestImages() {}

    public static synchronized ImageSet load() {
        if (cached == null) {
            String dir = System.getProperty("poolhit.sim.images");
            cached = dir != null && Files.isDirectory(Path.of(dir)) ? ImageSet.fromDirectory(Path.of(dir))
                    : ImageSet.fromClasspath();
        }
        return cached;
    }
}
