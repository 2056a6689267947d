package dev.poolhit.pool.file;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * {@code %save} and {@code %load}: the self-describing trace file, a zip of {@code manifest.json}
 * and CSV entries documented in {@code kernel/pool/TRACE-FORMAT.md}, readable without PoolHit.
 * Loading gives a trace whose tables are identical to the saved one's.
 */
public final class TraceFile {
    private TraceFile() {}

    /** Writes the whole trace to {@code path}, replacing it only once the new file is complete. */
    public static void save(Trace trace, Path path, Clock clock) {
        save(trace, path, clock, TraceFileWriter.HITS_PER_ENTRY);
    }

    static void save(Trace trace, Path path, Clock clock, int hitsPerEntry) {
        Path dir = path.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, path.getFileName().toString(), ".partial");
        } catch (IOException e) {
            throw new TraceFileException("cannot save trace to " + path + ": " + e.getMessage(), e);
        }
        try {
            TraceFileWriter w = TraceFileWriter.create(temp, trace.info(), clock, hitsPerEntry);
            try {
                w.finish(trace.snapshot());
            } finally {
                w.close();
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TraceFileException("cannot save trace to " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Reads a trace file, also one whose writer stopped abruptly (then {@link LoadedTrace#complete()}
     * is false and every complete entry is kept).
     *
     * @throws TraceFileException naming file, entry and line when the file is not a trace file or
     *                            an entry breaks the format
     */
    public static LoadedTrace load(Path path) {
        return new TraceFileReader(path).read();
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            System.getLogger(TraceFile.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete temporary file " + temp, e);
        }
    }
}
