package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the x86 set with src/c/x86/build.sh and expects the committed files byte for byte, and
 * checks with llvm-pdbutil what lld 14 writes for x86 frame data (new FPO only). Skipped where
 * clang/lld/llvm are not installed.
 */
class X86BuildTest {
    private static final Path BUILD_SCRIPT = Path.of(System.getProperty("basedir", "."), "src", "c", "x86", "build.sh");

    @Test
    void buildShReproducesEveryCommittedFile(@TempDir Path out) throws IOException {
        assumeTrue(Tools.onPath("clang", "lld-link", "llvm-readobj", "llvm-objdump", "llvm-pdbutil"),
                "clang/lld/llvm 14 not installed");
        assumeTrue(Files.isRegularFile(BUILD_SCRIPT), "sources not present: " + BUILD_SCRIPT);
        Tools.run(out, "bash", BUILD_SCRIPT.toAbsolutePath().toString(), "--out", out.toString());
        for (String name : SimImages.x86().fileNames()) {
            assertArrayEquals(SimImages.x86().bytes(name), Files.readAllBytes(out.resolve(name)),
                    name + " differs from the rebuilt one: rerun src/c/x86/build.sh and commit, or check the toolchain");
        }
    }

    @Test
    void lldWritesNewFpoButNoOldFpo(@TempDir Path dir) throws IOException {
        assumeTrue(Tools.onPath("llvm-pdbutil"), "llvm-pdbutil not installed");
        Files.write(dir.resolve("ntkrnlpa.pdb"), SimImages.x86().bytes("ntkrnlpa.pdb"));
        String fpo = Tools.run(dir, "llvm-pdbutil", "dump", "--fpo", "ntkrnlpa.pdb");
        assertTrue(fpo.contains("FPO stream not present"), fpo);
        assertTrue(fpo.contains("$T0 $ebp 4 + = $eip $T0 ^ = $esp $T0 4 + = $ebp $T0 4 - ^ ="), "EBP-frame program");
        assertTrue(fpo.contains("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + ="), "FPO program");
        String streams = Tools.run(dir, "llvm-pdbutil", "dump", "--streams", "ntkrnlpa.pdb");
        assertTrue(streams.contains("[New FPO Data]"), streams);
    }
}
