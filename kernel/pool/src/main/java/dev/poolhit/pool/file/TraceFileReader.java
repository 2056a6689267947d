package dev.poolhit.pool.file;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.trace.Trace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a trace file entry by entry, in file order, through the local headers (so a file
 * without a central directory, left by a writer that died, reads too). Each entry's rows are
 * checked and committed only once the entry ended intact; an entry that breaks off ends the
 * read and is reported in the notes. Bounds, so that a hostile file cannot exhaust memory:
 * {@value #MAX_JSON} bytes of JSON per entry, {@value #MAX_ENTRY_ROWS} rows per CSV entry,
 * {@value #MAX_HITS} hits, {@value #MAX_DEPTH} frames per stack.
 */
final class TraceFileReader {
    static final int MAX_JSON = 1 << 20;
    static final int MAX_HITS = 10_000_000;
    static final int MAX_ENTRY_ROWS = 1_000_000;
    static final int MAX_DEPTH = 4096;
    static final long MAX_SKIPPED = 256L << 20;
    private static final Pattern CHUNK = Pattern.compile("(modules|stacks|hits)-\\d{6}\\.csv");
    private final Path path;
    private final List<String> notes = new ArrayList<>();
    private Trace trace;
    private int endHits = -1;

    TraceFileReader(Path path) {
        this.path = path;
    }

    LoadedTrace read() {
        try (ZipInputStream zip = new ZipInputStream(
                new BufferedInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8)) {
            readManifest(zip);
            readEntries(zip);
        } catch (NoSuchFileException e) {
            throw new TraceFileException("trace file not found: " + path);
        } catch (IOException e) {
            throw new TraceFileException("cannot read trace file " + path + ": " + e.getMessage(), e);
        }
        if (endHits >= 0 && endHits != trace.size()) {
            throw new TraceFileException("trace file " + path + ": end.json promises " + endHits
                    + " hits, the hits entries hold " + trace.size());
        }
        if (endHits < 0) {
            notes.add("the file was not closed (no end.json): the recording stopped abruptly or is"
                    + " still being written; read the " + trace.size() + " hits flushed so far");
        }
        return new LoadedTrace(trace, endHits >= 0, notes);
    }

    private void readManifest(ZipInputStream zip) throws IOException {
        ZipEntry first;
        try {
            first = zip.getNextEntry();
        } catch (IOException | IllegalArgumentException e) { // IAE: an entry name that is not UTF-8
            throw notATrace("not a zip file (" + e.getMessage() + ")");
        }
        if (first == null) {
            throw notATrace("no zip entries");
        }
        if (!first.getName().equals("manifest.json")) {
            throw notATrace("first entry is " + first.getName() + ", expected manifest.json");
        }
        try {
            trace = new Trace(Manifest.decode(readBounded(zip, "manifest.json"), path.toString()));
        } catch (Fields.BadField e) {
            throw new TraceFileException("trace file " + path + ": " + e.getMessage());
        }
    }

    private void readEntries(ZipInputStream zip) {
        while (true) {
            String name = null;
            try {
                ZipEntry e = nextEntry(zip);
                if (e == null) {
                    return;
                }
                name = e.getName();
                readEntry(zip, name);
            } catch (Csv.CsvSyntaxException e) {
                throw new TraceFileException(where(name, e.line()) + ": " + e.getMessage());
            } catch (IOException e) {
                notes.add(name == null
                        ? "the file ends inside a zip header (recording stopped abruptly); kept " + trace.size() + " hits"
                        : "entry " + name + " is incomplete (recording stopped abruptly: " + e.getMessage()
                                + "); kept the " + trace.size() + " hits before it");
                return;
            }
        }
    }

    /** The next entry; a header whose name is not UTF-8 counts as a broken header. */
    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new java.util.zip.ZipException("entry name is not UTF-8: " + e.getMessage());
        }
    }

    private void readEntry(ZipInputStream zip, String name) throws IOException {
        if (name.equals("end.json")) {
            try {
                endHits = Manifest.endHits(readBounded(zip, name), path.toString());
            } catch (Fields.BadField e) {
                throw new TraceFileException("trace file " + path + ": " + e.getMessage());
            }
        } else if (CHUNK.matcher(name).matches()) {
            readChunk(zip, name);
        } else {
            skipBounded(zip, name);
            if (!name.equals("symbols.csv")) {
                notes.add("ignored entry " + name + " (not part of format version " + Manifest.VERSION + ")");
            }
        }
    }

    private void readChunk(InputStream in, String name) throws IOException {
        Csv.RecordReader r = new Csv.RecordReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String table = name.substring(0, name.indexOf('-'));
        List<String> header = switch (table) {
            case "modules" -> ModulesCsv.HEADER;
            case "stacks" -> StacksCsv.HEADER;
            default -> HitsCsv.HEADER;
        };
        List<String> first = r.next();
        if (first == null || !first.equals(header)) {
            throw new TraceFileException(where(name, 1) + ": header: expected " + String.join(",", header)
                    + ", found " + (first == null ? "an empty entry" : String.join(",", first)));
        }
        List<Object> rows = new ArrayList<>();
        ChunkRows decoder = new ChunkRows(trace, table);
        int count = 0;
        for (List<String> rec = r.next(); rec != null; rec = r.next()) {
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            if (++count > MAX_ENTRY_ROWS) {
                throw new TraceFileException(where(name, r.recordLine()) + ": more than " + MAX_ENTRY_ROWS
                        + " rows in one entry (PoolHit writes at most " + TraceFileWriter.HITS_PER_ENTRY + " hits per entry)");
            }
            try {
                decoder.add(new Fields(header, rec), rows);
            } catch (Fields.BadField e) {
                throw new TraceFileException(where(name, r.recordLine()) + ": " + e.getMessage());
            }
        }
        try {
            decoder.commit(rows);
        } catch (Fields.BadField e) {
            throw new TraceFileException(where(name, r.recordLine()) + ": " + e.getMessage());
        }
    }

    /** Reads an entry through to check its CRC, refusing one that expands without bound. */
    private void skipBounded(InputStream in, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_SKIPPED) {
                throw new TraceFileException(where(name, 1) + ": longer than " + MAX_SKIPPED
                        + " bytes for an entry the reader does not use");
            }
        }
    }

    private byte[] readBounded(InputStream in, String name) throws IOException {
        byte[] data = in.readNBytes(MAX_JSON + 1);
        if (data.length > MAX_JSON) {
            throw new TraceFileException(where(name, 1) + ": longer than " + MAX_JSON + " bytes");
        }
        return data;
    }

    private String where(String entry, int line) {
        return "trace file " + path + ", entry " + entry + ", line " + line;
    }

    private TraceFileException notATrace(String why) {
        return new TraceFileException("not a PoolHit trace file: " + path + ": " + why);
    }
}
