package dev.poolhit.pool.bench;

import dev.poolhit.pool.analysis.LeakReport;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.file.LoadedTrace;
import dev.poolhit.pool.file.TraceFile;
import dev.poolhit.pool.trace.Trace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import tech.tablesaw.api.Table;

/**
 * Issue 11's figures for a generated trace (default: 1,000,000 hits, 12-frame stacks, seed 11):
 * build, {@code %leaks}, save and load times, heap used and file size, each beside its target.
 * Run: {@code java -Xmx2g -cp ... dev.poolhit.pool.bench.PoolBenchmark [hits] [dir]}.
 */
public final class PoolBenchmark {
    private static final long MB = 1 << 20;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static long lastCpu;

    private PoolBenchmark() {}

    public static void main(String[] args) throws IOException {
        int hits = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("poolhit-bench");
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        run(Math.min(hits, 50_000), dir, quiet); // warm-up: class loading and JIT are not the figures
        run(hits, dir, System.out);
    }

    /** Measures and prints; returns the loaded trace's hit count (so the work is not optimised away). */
    public static int run(int hits, Path dir, PrintStream out) {
        long heap0 = usedHeap();
        lastCpu = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Trace trace = TraceGenerator.generate(hits, 12, 11);
        long build = System.nanoTime() - t0;
        long heapTrace = usedHeap() - heap0;
        out.printf("hits %,d, stacks %,d%n", trace.size(), trace.stackCount());
        line(out, "generate + build compact trace", build, "-");
        out.printf("%-36s %,10d MB   target: well under 1,500 MB%n", "heap: compact trace", heapTrace / MB);

        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        TraceTables tables = TraceTables.of(trace);
        LeakReport leaks = LeakReport.of(tables);
        Table leakTable = leaks.table(10);
        long leakTime = System.nanoTime() - t0;
        line(out, "%leaks (pair + group by stack)", leakTime, "< 2 s");
        out.printf("    top stack: %s%n", leakTable.rowCount() > 0 ? leakTable.getString(0, "caller") : "none");

        t0 = System.nanoTime();
        Table hitsTable = tables.hits();
        Table stacks = tables.stacks();
        Table outstanding = tables.outstanding();
        line(out, "hits + stacks + outstanding tables", System.nanoTime() - t0, "-");
        out.printf("%-36s %,10d MB   target: well under 1,500 MB%n", "heap: trace + three tables",
                (usedHeap() - heap0) / MB);

        Path file = dir.resolve("bench.phtrace");
        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        TraceFile.save(trace, file, Clock.systemUTC());
        line(out, "save", System.nanoTime() - t0, "< 10 s");
        out.printf("%-36s %,10d MB   target: compressed%n", "file size", size(file) / MB);

        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        LoadedTrace loaded = TraceFile.load(file);
        line(out, "load", System.nanoTime() - t0, "< 10 s");

        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        Table frames = tables.frames();
        line(out, "frames table (long form, on demand)", System.nanoTime() - t0, "-");
        out.printf("%-36s %,10d MB   (%,d rows; two traces held)%n", "heap: with frames table",
                (usedHeap() - heap0) / MB, frames.rowCount());
        out.printf("(kept alive: %d %d %d)%n", hitsTable.rowCount(), stacks.rowCount(), outstanding.rowCount());
        return loaded.trace().size();
    }

    /**
     * Wall time, and this thread's CPU time since the previous line: on a shared machine the CPU
     * time is the fairer figure (the work is single-threaded).
     */
    private static void line(PrintStream out, String what, long nanos, String target) {
        long cpu = CPU.getCurrentThreadCpuTime();
        out.printf("%-36s %,10d ms   (cpu %,d ms)   target: %s%n", what, nanos / 1_000_000,
                (cpu - lastCpu) / 1_000_000, target);
        lastCpu = cpu;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
