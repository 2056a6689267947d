package dev.poolhit.pool.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.pool.TraceFileException;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made files that break one rule each; every message names file, entry, line and rule. */
class TraceFileMalformedTest {
    private static final String HITS_HEADER = String.join(",", HitsCsv.HEADER) + "\n";
    private static final String STACKS_HEADER = String.join(",", StacksCsv.HEADER) + "\n";
    private static final String STACK0 = STACKS_HEADER + "0,0,,fffff800`0161090e,nt,ExFreePool,0x10,nt!ExFreePool+0x10\n";
    private static final String HIT0 = "0,,free,0x3261654c,,fffffa80`04000000,,,,,,0,1,fffff880`04ec1680\n";
    @TempDir
    Path dir;

    private Path zip(Map<String, String> entries) throws IOException {
        Path file = dir.resolve("bad.phtrace");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    private static String manifest() {
        return new String(Manifest.encode(new TraceInfo("test", Missing.TEXT, null, Missing.LONG),
                Instant.parse("2026-11-26T00:00:00Z")), StandardCharsets.UTF_8);
    }

    private String failure(String... nameThenContent) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            entries.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        Path file = zip(entries);
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFile.load(file));
        return e.getMessage().replace(file.toString(), "F");
    }

    @Test
    void manifestMustComeFirst() throws IOException {
        assertEquals("not a PoolHit trace file: F: first entry is hits-000001.csv, expected manifest.json",
                failure("hits-000001.csv", HITS_HEADER, "manifest.json", manifest()));
    }

    @Test
    void manifestFormatAndVersionAreChecked() throws IOException {
        assertEquals("trace file F: manifest.json: format: expected \"poolhit-trace\", found \"zip\"",
                failure("manifest.json", "{\"format\":\"zip\"}"));
        assertEquals("trace file F: manifest.json: format_version: expected 1, found 2 (written by a newer PoolHit?)",
                failure("manifest.json", "{\"format\":\"poolhit-trace\",\"format_version\":2}"));
        assertEquals("trace file F: F manifest.json: expected a JSON object",
                failure("manifest.json", "[1]"));
    }

    @Test
    void headerMustMatch() throws IOException {
        assertEquals("trace file F, entry hits-000001.csv, line 1: header: expected " + HITS_HEADER.strip()
                + ", found hit,time", failure("manifest.json", manifest(), "hits-000001.csv", "hit,time\n"));
    }

    @Test
    void fieldCountIsChecked() throws IOException {
        assertEquals("trace file F, entry hits-000001.csv, line 2: expected 14 fields (" + HITS_HEADER.strip()
                + "), found 3", failure("manifest.json", manifest(), "hits-000001.csv", HITS_HEADER + "0,,free\n"));
    }

    @Test
    void badAddressNamesTheColumn() throws IOException {
        assertEquals("trace file F, entry hits-000002.csv, line 2: address: expected a hex number, found 'zz'",
                failure("manifest.json", manifest(), "stacks-000001.csv", STACK0,
                        "hits-000002.csv", HITS_HEADER + HIT0.replace("fffffa80`04000000", "zz")));
    }

    @Test
    void hitsMustReferenceEarlierStacks() throws IOException {
        assertEquals("trace file F, entry hits-000001.csv, line 2: stack_id: expected a stack defined in an earlier"
                + " stacks entry (0 so far), found '0'",
                failure("manifest.json", manifest(), "hits-000001.csv", HITS_HEADER + HIT0));
    }

    @Test
    void hitsAreNumberedInOrder() throws IOException {
        assertEquals("trace file F, entry hits-000002.csv, line 2: hit: expected hit 0 (hits are numbered in order"
                + " from 0), found '7'", failure("manifest.json", manifest(), "stacks-000001.csv", STACK0,
                        "hits-000002.csv", HITS_HEADER + "7" + HIT0.substring(1)));
    }

    @Test
    void childSpCountMustMatchTheDepth() throws IOException {
        assertEquals("trace file F, entry hits-000002.csv, line 2: child_sp: expected 1 space-separated values,"
                + " found 'fffff880`04ec1680 +10'", failure("manifest.json", manifest(), "stacks-000001.csv", STACK0,
                        "hits-000002.csv", HITS_HEADER + HIT0.replace("\n", " +10\n")));
    }

    @Test
    void stackIdsAreDenseAndDistinct() throws IOException {
        assertEquals("trace file F, entry stacks-000001.csv, line 2: stack_id: expected 0 (stack ids are dense,"
                + " in order of first appearance), found '5'",
                failure("manifest.json", manifest(), "stacks-000001.csv", STACKS_HEADER + "5,0,,,nt,,0x1,nt+0x1\n"));
        assertEquals("trace file F, entry stacks-000001.csv, line 3: stack 1 repeats stack 0 (each distinct stack is"
                + " listed once)", failure("manifest.json", manifest(), "stacks-000001.csv",
                        STACK0 + STACK0.substring(STACKS_HEADER.length()).replaceFirst("^0", "1")));
    }

    @Test
    void unclosedQuoteIsASyntaxError() throws IOException {
        assertEquals("trace file F, entry stacks-000001.csv, line 2: quoted field not closed before end of entry",
                failure("manifest.json", manifest(), "stacks-000001.csv", STACKS_HEADER + "0,0,,,\"nt,,,\n"));
    }

    @Test
    void endMarkerMustAgreeWithTheHits() throws IOException {
        assertEquals("trace file F: end.json promises 3 hits, the hits entries hold 1",
                failure("manifest.json", manifest(), "stacks-000001.csv", STACK0, "hits-000002.csv", HITS_HEADER + HIT0,
                        "end.json", "{\"hits\":3}"));
    }
}
