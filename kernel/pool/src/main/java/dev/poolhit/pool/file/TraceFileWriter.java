package dev.poolhit.pool.file;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a trace file incrementally: each {@link #write} adds complete zip entries for what the
 * snapshot holds beyond the previous write and pushes them to the operating system. A reader
 * that finds no central directory (the writer died) still reads every complete entry, so a
 * crash loses only what was not yet written. {@link #finish} adds {@code symbols.csv},
 * {@code end.json} and the central directory, making an ordinary zip.
 *
 * <p>One thread writes; the methods are synchronized so a closing thread cannot interleave.
 */
public final class TraceFileWriter implements Closeable {
    /** Most hits per entry, so no single entry is too large to buffer when read back. */
    static final int HITS_PER_ENTRY = 100_000;
    private final Path path;
    private final ZipOutputStream zip;
    private final Clock clock;
    private final int hitsPerEntry;
    private final TimeText times = new TimeText();
    private int sequence;
    private int hitsWritten;
    private int stacksWritten;
    private int modulesWritten;
    private boolean closed;

    private TraceFileWriter(Path path, ZipOutputStream zip, Clock clock, int hitsPerEntry) {
        this.path = path;
        this.zip = zip;
        this.clock = clock;
        this.hitsPerEntry = hitsPerEntry;
    }

    /** Creates (or replaces) {@code path} and writes its manifest. */
    public static TraceFileWriter create(Path path, TraceInfo info, Clock clock) {
        return create(path, info, clock, HITS_PER_ENTRY);
    }

    /** As {@link #create(Path, TraceInfo, Clock)} with smaller entries, for tests. */
    static TraceFileWriter create(Path path, TraceInfo info, Clock clock, int hitsPerEntry) {
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED);
            TraceFileWriter w = new TraceFileWriter(path, zip, clock, hitsPerEntry);
            w.entry("manifest.json", Manifest.encode(info, clock.instant()));
            zip.flush();
            return w;
        } catch (IOException e) {
            throw new TraceFileException("cannot create trace file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes the modules, stacks and hits of {@code s} not written yet, then flushes. */
    public synchronized void write(TraceSnapshot s) {
        checkOpen();
        try {
            sequence++;
            if (s.modules().size() > modulesWritten) {
                StringBuilder b = header(ModulesCsv.HEADER);
                for (int m = modulesWritten; m < s.modules().size(); m++) {
                    ModulesCsv.append(b, s.modules().get(m));
                }
                entry(name("modules"), b);
                modulesWritten = s.modules().size();
            }
            if (s.stackCount() > stacksWritten) {
                StringBuilder b = header(StacksCsv.HEADER);
                for (int st = stacksWritten; st < s.stackCount(); st++) {
                    StacksCsv.append(b, s, st);
                }
                entry(name("stacks"), b);
                stacksWritten = s.stackCount();
            }
            writeHits(s);
            zip.flush();
        } catch (IOException e) {
            throw new TraceFileException("cannot write trace file " + path + ": " + e.getMessage(), e);
        }
    }

    private void writeHits(TraceSnapshot s) throws IOException {
        boolean first = true;
        while (hitsWritten < s.size()) {
            if (!first) {
                sequence++;
            }
            first = false;
            int end = Math.min(s.size(), hitsWritten + hitsPerEntry);
            StringBuilder b = header(HitsCsv.HEADER);
            for (int h = hitsWritten; h < end; h++) {
                HitsCsv.append(b, s, h, times);
            }
            entry(name("hits"), b);
            hitsWritten = end;
        }
    }

    /** Writes what is left of {@code s}, {@code symbols.csv}, {@code end.json}, and closes. */
    public synchronized void finish(TraceSnapshot s) {
        write(s);
        try {
            entry("symbols.csv", SymbolsCsv.of(s));
            entry("end.json", Manifest.encodeEnd(hitsWritten, stacksWritten, modulesWritten, clock.instant()));
            closed = true;
            zip.close();
        } catch (IOException e) {
            throw new TraceFileException("cannot finish trace file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Closes without {@code end.json} if {@link #finish} was not called: the file stays readable. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            zip.close();
        } catch (IOException e) {
            throw new TraceFileException("cannot close trace file " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized int hitsWritten() {
        return hitsWritten;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("trace file " + path + " is closed");
        }
    }

    private String name(String table) {
        return String.format("%s-%06d.csv", table, sequence);
    }

    private static StringBuilder header(java.util.List<String> columns) {
        return new StringBuilder(1 << 16).append(String.join(",", columns)).append('\n');
    }

    private void entry(String name, CharSequence text) throws IOException {
        entry(name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void entry(String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(clock.millis());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
