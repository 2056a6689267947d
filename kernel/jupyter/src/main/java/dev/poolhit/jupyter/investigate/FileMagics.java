package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.display.Display;
import dev.poolhit.jupyter.display.chart.Charts;
import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicCall;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.pool.analysis.LeakReport;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.file.LoadedTrace;
import dev.poolhit.pool.file.TraceFile;
import dev.poolhit.pool.kdlog.KdLogImport;
import dev.poolhit.pool.kdlog.KdLogImporter;
import dev.poolhit.pool.trace.Trace;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;

/** {@code %leaks}, {@code %save}, {@code %load}, {@code %import-kd-log}: analysis that needs no target. */
final class FileMagics {
    private final Investigation investigation;

    FileMagics(Investigation investigation) {
        this.investigation = investigation;
    }

    void register(MagicRegistry registry) {
        registry.register(Magic.line("leaks").summary("outstanding allocations grouped by stack, memleak style")
                .usage("%leaks [TRACE_FILE] [--top N] [--into VAR]").option("--top", "N", "stacks to show (default 10)")
                .bindsResultTo("leaks")
                .help("Works on the last trace (%trace, %load, %import-kd-log) or on TRACE_FILE. Prints the memleak-style\n"
                        + "report and a chart of outstanding bytes over the trace; returns the ranking as a table\n"
                        + "(rank, stack_id, allocations, bytes, unknown_size, first_hit, last_hit, caller, signature).\n"
                        + "Exact pairing needs addresses of allocations: record with %trace N --pair.")
                .handler(Guard.of("leaks", this::leaks)).build());
        registry.register(Magic.line("save").summary("write the last trace to a self-describing trace file").usage("%save FILE")
                .handler(Guard.of("save", this::save)).build());
        registry.register(Magic.line("load").summary("read a trace file; its tables are as when it was saved")
                .usage("%load FILE [--into VAR]").bindsResultTo("hits")
                .handler(Guard.of("load", this::load)).build());
        registry.register(Magic.line("import-kd-log").summary("read a WinDbg/kd log of k output into the trace tables")
                .usage("%import-kd-log FILE [--into VAR]").bindsResultTo("hits")
                .help("As written by .logopen while bp ... \"k;g\" ran. Unreadable stacks are skipped and listed.")
                .handler(Guard.of("import-kd-log", this::importKdLog)).build());
    }

    private Object leaks(MagicCall call) {
        call.expectPositionals(0, 1);
        long top = call.longOption("--top", 10, 1, 10_000);
        TraceTables tables = call.positionals().isEmpty() ? investigation.tables()
                : TraceTables.of(TraceFile.load(existing(call, 0)).trace());
        LeakReport report = LeakReport.of(tables);
        Display.display(report.text((int) top));
        if (tables.snapshot().size() > 0) {
            Display.display(Charts.line(tables.outstandingOverTime(), "hit", "outstanding_bytes")
                    .withTitle("outstanding bytes over the trace").withLabels("hit", "outstanding bytes"));
        }
        return report.table((int) top);
    }

    private Object save(MagicCall call) {
        call.expectPositionals(1, 1);
        Path path = writable(call, 0);
        Trace trace = investigation.lastTrace().orElseThrow(() -> new InvestigationException("NoTrace",
                "nothing to save: record a trace with %trace N first"));
        TraceFile.save(trace, path, Clock.systemUTC());
        return "saved " + trace.size() + " hits to " + path.toAbsolutePath();
    }

    private Object load(MagicCall call) {
        call.expectPositionals(1, 1);
        LoadedTrace loaded = TraceFile.load(existing(call, 0));
        investigation.traceLoaded(loaded.trace());
        if (!loaded.complete() || !loaded.notes().isEmpty()) {
            Display.display((loaded.complete() ? "" : "the recording stopped abruptly; every complete entry was kept\n")
                    + String.join("\n", loaded.notes()));
        }
        return TraceTables.of(loaded.trace()).hits();
    }

    private Object importKdLog(MagicCall call) {
        call.expectPositionals(1, 1);
        KdLogImport imported = KdLogImporter.lenient().read(existing(call, 0));
        investigation.traceLoaded(imported.trace());
        Display.display("imported " + imported.trace().size() + " hits with " + imported.trace().stackCount()
                + " distinct stacks" + (imported.warnings().isEmpty() ? "" : "; skipped:\n  "
                + String.join("\n  ", imported.warnings())) + "\nframes: PoolHit.trace().frames()");
        return TraceTables.of(imported.trace()).hits();
    }

    /** FILE as given; an empty argument is a usage error rather than the working directory. */
    private static Path path(MagicCall call, int index) {
        String text = call.positionals().get(index);
        if (text.isBlank()) {
            throw call.usageError("FILE is empty: expected a path");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw call.usageError("FILE: not a valid path: '" + text + "' (" + e.getReason() + ")");
        }
    }

    /** A regular, readable file: a directory, a device or a FIFO (which would block the kernel) is refused up front. */
    private static Path existing(MagicCall call, int index) {
        Path path = path(call, index);
        Path absolute = path.toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new InvestigationException("NotAFile", absolute + " is a directory: expected a file");
        }
        if (!Files.exists(path)) {
            throw new InvestigationException("FileNotFound", "no such file: " + absolute
                    + " (paths are relative to the kernel's working directory " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvestigationException("NotAFile", absolute + " is not a regular file (a device or pipe)");
        }
        if (!Files.isReadable(path)) {
            throw new InvestigationException("CannotRead", "cannot read " + absolute + ": permission denied");
        }
        return path;
    }

    /** A path a trace file can be written to: checked before writing, so the message names the path, not a temp file. */
    private static Path writable(MagicCall call, int index) {
        Path path = path(call, index);
        Path absolute = path.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(path)) {
            throw new InvestigationException("NotAFile", absolute + " is a directory: expected a file name to write");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvestigationException("FileNotFound", (folder != null && Files.exists(folder) ? "not a folder: "
                    : "no such folder: ") + folder + " (for " + absolute + ")");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new InvestigationException("NotAFile", absolute + " is not a regular file (a device or pipe)");
        }
        if (!Files.isWritable(folder)) {
            throw new InvestigationException("CannotWrite", "cannot write in " + folder + ": permission denied");
        }
        return path;
    }
}
