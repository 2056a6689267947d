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
import java.util.List;
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
        out.printf("hits %,d, stacks %,d%n", trace.size(), trace.stackCount());
        line(out, "generate + build compact trace", build, "-");
        heap(out, "heap: compact trace", heap0);
        TraceTables tables = TraceTables.of(trace);
        List<Table> kept = analyse(tables, out);
        heap(out, "heap: trace + hits/stacks/outstanding", heap0);
        int loaded = saveAndLoad(trace, dir.resolve("bench.phtrace"), out);
        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        Table frames = tables.frames();
        line(out, "frames table (long form, on demand)", System.nanoTime() - t0, "-");
        heap(out, "heap: + frames table (" + frames.rowCount() / 1_000_000 + "M rows)", heap0);
        return kept.isEmpty() ? -1 : loaded;
    }

    private static List<Table> analyse(TraceTables tables, PrintStream out) {
        lastCpu = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Table leaks = LeakReport.of(tables).table(10);
        line(out, "%leaks (pair + group by stack)", System.nanoTime() - t0, "< 2 s");
        out.printf("    top stack: %s%n", leaks.rowCount() > 0 ? leaks.getString(0, "caller") : "none");
        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        List<Table> built = List.of(tables.hits(), tables.stacks(), tables.outstanding());
        line(out, "hits + stacks + outstanding tables", System.nanoTime() - t0, "-");
        return built;
    }

    private static int saveAndLoad(Trace trace, Path file, PrintStream out) {
        lastCpu = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        TraceFile.save(trace, file, Clock.systemUTC());
        line(out, "save", System.nanoTime() - t0, "< 10 s");
        out.printf("%-40s %,10d MB   target: compressed%n", "file size", size(file) / MB);
        lastCpu = CPU.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        LoadedTrace loaded = TraceFile.load(file);
        line(out, "load", System.nanoTime() - t0, "< 10 s");
        return loaded.trace().size();
    }

    private static void heap(PrintStream out, String what, long heap0) {
        out.printf("%-40s %,10d MB   target: well under 1,500 MB%n", what, (usedHeap() - heap0) / MB);
    }

    /**
     * Wall time, and this thread's CPU time since the previous line: on a shared machine the CPU
     * time is the fairer figure (the work is single-threaded).
     */
    private static void line(PrintStream out, String what, long nanos, String target) {
        long cpu = CPU.getCurrentThreadCpuTime();
        out.printf("%-40s %,10d ms   (cpu %,d ms)   target: %s%n", what, nanos / 1_000_000,
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
