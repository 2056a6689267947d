package dev.poolhit.target;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolhit.common.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Shared fixture access for tests: skips the test when ../shared is absent. */
public final class TestFixtures {
    public static final String REGTEST = "pe-pdb/breakpad/dump_syms_regtest64";
    public static final String CRASH = "pe-pdb/symbolic/CrashWithException";
    public static final String CHAIN_LOOP = "pe-pdb/symbolic/cfi_chained_loop.exe";

    private TestFixtures() {}

    public static Path require(String relative) {
        Optional<Path> p = SharedFixtures.find(relative);
        assumeTrue(p.isPresent(), "shared fixture absent: " + relative);
        return p.get();
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .sym beside a fixture image: {@code X.sym} (breakpad) or {@code X.pdb.sym} (symbolic). */
    public static Path sym(String stem) {
        Optional<Path> p = SharedFixtures.find(stem + ".sym");
        return p.isPresent() ? p.get() : require(stem + ".pdb.sym");
    }
}
