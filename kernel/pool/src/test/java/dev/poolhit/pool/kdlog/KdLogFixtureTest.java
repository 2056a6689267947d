package dev.poolhit.pool.kdlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.common.SharedFixtures;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The real Windows 7 session in ../shared/fixtures/kd-logs (skipped when absent). */
class KdLogFixtureTest {
    /** The first stack exactly as the log prints it: Child-SP, RetAddr, Call Site. */
    private static final List<String> FIRST_STACK = List.of(
            "fffff880`04ec1680 fffff800`0161090e nt! ??::FNODOBFM::`string'+0x24a2a",
            "fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e",
            "fffff880`04ec1860 fffff880`0496e727 myfault+0x1634",
            "fffff880`04ec19b0 fffff800`017fca97 myfault+0x1727",
            "fffff880`04ec1a10 fffff800`017fd2f6 nt!IopXxxControlFile+0x607",
            "fffff880`04ec1b40 fffff800`014e0ed3 nt!NtDeviceIoControlFile+0x56",
            "fffff880`04ec1bb0 00000000`7756138a nt!KiSystemServiceCopyEnd+0x13",
            "00000000`000df4c8 000007fe`fd5fa249 ntdll!ZwDeviceIoControlFile+0xa",
            "00000000`000df4d0 00000000`7740683f KERNELBASE!DeviceIoControl+0x75",
            "00000000`000df540 00000000`ff222384 kernel32!DeviceIoControlImplementation+0x7f",
            "00000000`000df590 00000000`00000000 NotMyfault+0x2384");

    private static TraceSnapshot fixture() {
        Optional<Path> log = SharedFixtures.find("kd-logs/poolhittag-x64-win7.log");
        assumeTrue(log.isPresent(), "shared fixture kd-logs/poolhittag-x64-win7.log absent");
        KdLogImport imported = KdLogImporter.strict().read(log.get());
        assertEquals(List.of(), imported.warnings());
        return imported.trace().snapshot();
    }

    @Test
    void firstStackHasTheElevenFramesOfTheLog() {
        Hit hit = fixture().hit(0);
        List<String> rows = hit.frames().stream()
                .map(f -> Hex.u64(f.childSp()) + " " + Hex.u64(f.returnAddress()) + " " + f.callSite())
                .toList();
        assertEquals(FIRST_STACK, rows);
    }

    @Test
    void firstHitIsTheAllocationAtTheColdFragment() {
        Hit hit = fixture().hit(0);
        assertEquals(HitKind.ALLOC, hit.kind());
        assertEquals(PoolTag.parse("Lea2"), hit.tag());
        assertEquals(1, hit.processor());
        assertEquals(0xfffff800014798f6L, hit.siteAddress());
        assertEquals("nt! ?? ::FNODOBFM::`string'+0x24a2a", hit.siteSymbol());
        assertEquals(0xfffff800014798f6L, hit.frames().get(0).ip());
        assertEquals(0xfffff8000161090eL, hit.frames().get(1).ip());
        assertEquals("??::FNODOBFM::`string'", hit.frames().get(0).function());
        assertEquals("myfault", hit.frames().get(2).module());
        assertEquals(Missing.TEXT, hit.frames().get(2).function());
        assertEquals(0x1634, hit.frames().get(2).offset());
        assertEquals(Missing.LONG, hit.address());
        assertEquals(Missing.LONG, hit.size());
        assertEquals(Missing.LONG, hit.time());
    }

    @Test
    void secondBreakIsAFreeWithoutStack() {
        TraceSnapshot t = fixture();
        assertEquals(2, t.size());
        Hit hit = t.hit(1);
        assertEquals(HitKind.FREE, hit.kind());
        assertEquals("nt!ExDeferredFreePool+0xb57", hit.siteSymbol());
        assertEquals(0xfffff8000160f5b7L, hit.siteAddress());
        assertEquals(List.of(), hit.frames());
    }

    @Test
    void framesTableShowsTheLogColumns() {
        Table frames = TraceTables.of(fixture()).frames();
        assertEquals(11, frames.rowCount());
        assertEquals("fffff880`04ec1860", frames.getString(2, "child_sp"));
        assertEquals("fffff880`0496e727", frames.getString(2, "ret_addr"));
        assertEquals("fffff880`0496e634", frames.getString(2, "ip"));
        assertEquals("myfault+0x1634", frames.getString(2, "call_site"));
        assertEquals("0x1634", frames.getString(2, "offset"));
    }
}
