package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.KdLogFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code %import-kd-log}: reads a WinDbg/kd log (as written by {@code .logopen} while
 * {@code bp ... "k;g"} or a person typing {@code g} and {@code k} ran) into a trace with the same
 * tables as a live recording.
 *
 * <p>Understood: {@code k}, {@code kn}, {@code kb}, {@code kv}, {@code kp}, {@code kf} stacks,
 * x64 ({@code Child-SP}) and x86 ({@code ChildEBP}); inline frames; call sites with or without
 * symbols ({@code myfault+0x1634}, {@code nt! ??::FNODOBFM::`string'+0x24a2a}, bare addresses);
 * {@code Break instruction exception} banners with the break site; {@code ed nt!PoolHitTag}
 * (the tag of the following hits); the prompt's processor number; WinDbg's warnings. Alloc or
 * free is decided from the names ({@link dev.poolhit.pool.trace.HitClassifier}). Frame 0's IP
 * is the break site when known, frame i's IP is frame i-1's {@code RetAddr}; sizes, block
 * addresses, threads and times are not in a {@code k} log and stay missing.
 *
 * <p>A lenient importer skips what it cannot read and lists each skip, with its line number, in
 * {@link KdLogImport#warnings()}; a strict one throws {@link KdLogFormatException} on the first.
 */
public final class KdLogImporter {
    private final boolean strict;

    private KdLogImporter(boolean strict) {
        this.strict = strict;
    }

    /** Skips unreadable stacks and lines, reporting each. */
    public static KdLogImporter lenient() {
        return new KdLogImporter(false);
    }

    /** Fails on the first unreadable stack or value. */
    public static KdLogImporter strict() {
        return new KdLogImporter(true);
    }

    /** Imports a log file (UTF-8, or UTF-16 with a byte-order mark as {@code .logopen /u} writes). */
    public KdLogImport read(Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            return read(log.getFileName().toString(), LogLines.of(in));
        } catch (NoSuchFileException e) {
            throw new KdLogFormatException("kd log not found: " + log);
        } catch (IOException e) {
            throw new KdLogFormatException("cannot read kd log " + log + ": " + e.getMessage(), e);
        }
    }

    /** Imports log text; {@code source} names it in the trace description and messages. */
    public KdLogImport read(String source, Reader text) {
        try {
            return read(source, LogLines.of(text));
        } catch (IOException e) {
            throw new KdLogFormatException("cannot read kd log " + source + ": " + e.getMessage(), e);
        }
    }

    private KdLogImport read(String source, LogLines lines) throws IOException {
        LogParser parser = new LogParser(source, strict);
        for (String line = lines.next(); line != null; line = lines.next()) {
            parser.accept(line, lines.truncated());
        }
        return parser.finish();
    }
}
