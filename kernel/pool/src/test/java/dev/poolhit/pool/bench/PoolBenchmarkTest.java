package dev.poolhit.pool.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's figures for 1,000,000 hits; excluded from the default build ({@code bench}). */
@Tag("bench")
class PoolBenchmarkTest {
    @Test
    void millionHits(@TempDir Path dir) {
        PoolBenchmark.run(50_000, dir, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(1_000_000, PoolBenchmark.run(1_000_000, dir, System.out));
    }
}
