package dev.poolhit.pool.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.bench.TraceGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of the entries' text, re-zipped with valid CRCs, so that the CSV and JSON decoders
 * (not the zip layer) see hostile input: a trace or a {@link TraceFileException}, nothing else.
 */
class TraceFileTextFuzzTest {
    private static final String ALPHABET = ",\"\n`+-?0123456789abcdefxz: \u00e9\0";
    @TempDir
    Path dir;

    @Test
    void mangledEntriesFailOnlyTyped() throws IOException {
        Path valid = dir.resolve("valid.phtrace");
        TraceFile.save(TraceGenerator.generate(200, 5, 9), valid, TraceFileTest.CLOCK, 50);
        Map<String, String> entries = read(valid);
        Random random = new Random(99);
        Path mutant = dir.resolve("mutant.phtrace");
        int loaded = 0;
        for (int round = 0; round < 400; round++) {
            Map<String, String> copy = new LinkedHashMap<>(entries);
            String name = copy.keySet().stream().skip(random.nextInt(copy.size())).findFirst().orElseThrow();
            copy.put(name, mangle(copy.get(name), random));
            write(mutant, copy);
            try {
                TraceFile.load(mutant);
                loaded++;
            } catch (TraceFileException expected) {
                assertTrue(expected.getMessage().contains(mutant.toString()), expected.getMessage());
            }
        }
        assertTrue(loaded > 0);
    }

    private static String mangle(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                }
            }
        }
        return b.toString();
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                z.transferTo(b);
                out.put(e.getName(), b.toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void write(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }
}
