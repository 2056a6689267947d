package dev.poolhit.pool.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.TestHits;
import dev.poolhit.pool.X86Hits;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.AddressStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace file keeps the recorded machine's pointer width, so a loaded x86 trace prints as x86. */
class X86TraceFileTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T00:00:00Z");
    @TempDir
    Path dir;

    @Test
    void loadingAnX86TraceKeepsItsAddressStyle() {
        Trace recorded = X86Hits.trace();
        Path file = dir.resolve("x86.phtrace");
        TraceFile.save(recorded, file, TraceFileTest.CLOCK);
        Trace loaded = TraceFile.load(file).trace();
        assertEquals(AddressStyle.X86, loaded.info().addressStyle());
        TraceFileTest.assertSameTables(recorded, loaded);
        assertEquals("84a1c008", TraceTables.of(loaded).hits().getString(0, "address"));
        assertEquals("8d401234", TraceTables.of(loaded).frames().getString(1, "call_site"));
        assertEquals(X86Hits.BLOCK, TraceTables.of(loaded).hits().longColumn("address").get(0));
    }

    @Test
    void manifestRecordsThePointerWidth() {
        String json = new String(Manifest.encode(X86Hits.trace().info(), CREATED), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"pointer_bits\" : 32"), json);
        String x64 = new String(Manifest.encode(TestHits.trace().info(), CREATED), StandardCharsets.UTF_8);
        assertTrue(x64.contains("\"pointer_bits\" : 64"), x64);
    }

    @Test
    void aManifestWithoutPointerWidthIsAnX64Trace() {
        TraceInfo info = Manifest.decode(("{\"format\":\"poolhit-trace\",\"format_version\":1,\"source\":\"old\","
                + "\"target_version\":\"\",\"tag\":null,\"started\":\"\"}").getBytes(StandardCharsets.UTF_8), "old");
        assertEquals(new TraceInfo("old", Missing.TEXT, null, Missing.LONG, AddressStyle.X64), info);
    }

    @Test
    void anUnknownPointerWidthNamesTheField() {
        Fields.BadField e = assertThrows(Fields.BadField.class, () -> Manifest.decode(
                "{\"format\":\"poolhit-trace\",\"format_version\":1,\"pointer_bits\":16}".getBytes(StandardCharsets.UTF_8),
                "F"));
        assertEquals("manifest.json: pointer_bits: expected 32 or 64, found 16", e.getMessage());
    }
}
