package dev.poolhit.target.pe;

import dev.poolhit.target.PeFormatException;
import dev.poolhit.target.memory.VirtualMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed PE image (PE32+ and PE32), from a file or from target memory. Headers are read and
 * validated by {@link #parse}; each directory is parsed on first use. Every format violation is a
 * {@link PeFormatException} naming the rule and the image; reads from target memory may also throw
 * {@code MemoryAccessException}. Thread-safe.
 */
public final class PeImage {
    private final ImageBytes source;
    private final PeHeaders headers;
    private final RvaReader reader;
    private List<ExportEntry> exports;
    private List<RuntimeFunction> functions;
    private Optional<CodeViewInfo> codeView;

    private PeImage(ImageBytes source, PeHeaders headers) {
        this.source = source;
        this.headers = headers;
        this.reader = new RvaReader(source, headers);
    }

    public static PeImage parse(ImageBytes source) {
        return new PeImage(source, PeHeaderParser.parse(source));
    }

    /** Reads a whole image file; an I/O failure is an {@link UncheckedIOException}, not a format error. */
    public static PeImage parseFile(Path file) {
        try {
            return parse(ImageBytes.ofFile(Files.readAllBytes(file), file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PE image " + file, e);
        }
    }

    /** The image mapped at {@code imageBase} in target memory. */
    public static PeImage parseMapped(VirtualMemory memory, long imageBase, String label) {
        return parse(ImageBytes.ofMemory(memory, imageBase, label));
    }

    public String label() {
        return source.label();
    }

    public PeHeaders headers() {
        return headers;
    }

    public synchronized List<ExportEntry> exports() {
        if (exports == null) {
            exports = List.copyOf(ExportParser.parse(reader, headers.directory(DataDirectory.EXPORT)));
        }
        return exports;
    }

    /** The exception directory's RUNTIME_FUNCTIONs, sorted by begin RVA. */
    public synchronized List<RuntimeFunction> runtimeFunctions() {
        if (functions == null) {
            functions = DirectoryParsers.exceptionDirectory(reader, headers.directory(DataDirectory.EXCEPTION));
        }
        return functions;
    }

    public synchronized Optional<CodeViewInfo> codeView() {
        if (codeView == null) {
            codeView = DirectoryParsers.codeView(source, reader, headers.directory(DataDirectory.DEBUG));
        }
        return codeView;
    }

    /** Bytes at an RVA, checked against SizeOfImage and the section table. */
    public byte[] readRva(long rva, int length) {
        return reader.read(rva, length, "read");
    }
}
