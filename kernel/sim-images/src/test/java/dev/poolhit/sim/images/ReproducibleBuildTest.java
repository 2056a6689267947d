package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the images from source with build.sh and expects the committed files byte for byte
 * (about 6 s with two cores), including groundtruth.json, which it gets by running the kernel code
 * natively. Skipped where clang/lld are not installed or the host is not Linux x86-64; CI has both.
 */
class ReproducibleBuildTest {
    private static final Path BUILD_SCRIPT = Path.of(System.getProperty("basedir", "."), "src", "c", "x64", "build.sh");

    @Test
    void buildShReproducesEveryCommittedFile(@TempDir Path out) throws IOException {
        assumeTrue(Tools.onPath("clang", "lld-link", "llvm-dlltool", "llvm-readobj", "llvm-objdump", "llvm-pdbutil"),
                "clang/lld/llvm 14 not installed");
        assumeTrue(Files.isRegularFile(BUILD_SCRIPT), "sources not present: " + BUILD_SCRIPT);
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the ground-truth step runs the images natively: needs Linux x86-64");
        Tools.run(out, "bash", BUILD_SCRIPT.toAbsolutePath().toString(), "--out", out.toString());
        for (String name : SimImages.x64().fileNames()) {
            assertArrayEquals(SimImages.x64().bytes(name), Files.readAllBytes(out.resolve(name)),
                    name + " differs from the rebuilt one: rerun build.sh and commit, or check the toolchain version");
        }
    }
}
