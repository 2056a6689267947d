package dev.poolhit.jupyter.investigate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad files the table's {@code $TMP} rows name: a folder, an empty file, text, random bytes, a
 * zip that is not a trace, and a file nobody may read (readable anyway when the tests run as root).
 */
final class BadArgumentFiles {
    static final String UNREADABLE = "unreadable.poolhit";

    private BadArgumentFiles() {
    }

    static void createIn(Path dir) throws IOException {
        Files.createDirectory(dir.resolve("folder"));
        Files.write(dir.resolve("empty.poolhit"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n", StandardCharsets.US_ASCII);
        byte[] random = new byte[300];
        new Random(10).nextBytes(random); // fixed seed: the same bytes, so the same message, every run
        Files.write(dir.resolve("random.bin"), random);
        try (OutputStream out = Files.newOutputStream(dir.resolve("other.zip"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a trace".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Path unreadable = Files.writeString(dir.resolve(UNREADABLE), "x");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    }
}
