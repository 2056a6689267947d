package dev.poolhit.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthLogTest {
    private static GroundTruthEntry entry(long seq, int tag) {
        return new GroundTruthEntry(seq, 5, 1, 0xfffffa8000c01000L, 0xa10, 0x9c4, "leakyapp.exe", tag, 0x100,
                0xfffffa8003c00010L, PoolEventKind.ALLOC,
                List.of(new ExpectedFrame("myfault!MyfaultLeakPool", 0xfffff88004e0101bL),
                        new ExpectedFrame("nt!ExpAllocateSmallPool", 0xfffff80002a02220L)), false);
    }

    @Test
    void markBrokeAndTagFilterIgnoringTheProtectedBit() {
        GroundTruthLog log = new GroundTruthLog();
        log.add(entry(0, 0x3261654c));
        log.add(entry(1, 0x3261654c | 0x80000000));
        log.add(entry(2, 0x20707249));
        log.markBroke(1);
        assertEquals(2, log.withTag(0x3261654c).size());
        assertTrue(log.entries().get(1).broke());
        assertEquals("Lea2", log.entries().get(1).tagText());
    }

    @Test
    void writesJsonLinesAndCsv() throws IOException {
        GroundTruthLog log = new GroundTruthLog();
        log.add(entry(0, 0x3261654c));
        StringWriter json = new StringWriter();
        log.writeJsonLines(json);
        assertEquals("{\"seq\":0,\"timeNanos\":5,\"processor\":1,\"thread\":\"fffffa80`00c01000\",\"tid\":2576,"
                + "\"pid\":2500,\"process\":\"leakyapp.exe\",\"tag\":\"Lea2\",\"tagValue\":845243724,\"size\":256,"
                + "\"address\":\"fffffa80`03c00010\",\"kind\":\"alloc\",\"broke\":false,\"stack\":["
                + "{\"function\":\"myfault!MyfaultLeakPool\",\"ip\":\"fffff880`04e0101b\"},"
                + "{\"function\":\"nt!ExpAllocateSmallPool\",\"ip\":\"fffff800`02a02220\"}]}", json.toString().strip());
        StringWriter csv = new StringWriter();
        log.writeCsv(csv);
        assertEquals("0,5,1,fffffa80`00c01000,2576,2500,leakyapp.exe,Lea2,256,fffffa80`03c00010,alloc,false,"
                + "myfault!MyfaultLeakPool@fffff880`04e0101b nt!ExpAllocateSmallPool@fffff800`02a02220",
                csv.toString().lines().skip(1).findFirst().orElseThrow());
    }
}
