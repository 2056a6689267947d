package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.sim.images.SimImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FRAMEDATA read from the real x86 PDBs matches llvm-pdbutil (directly and through manifest.json). */
class PdbFrameDataTest {
    static final PdbFile NT = PdbFile.parse(SimImages.x86().bytes("ntkrnlpa.pdb"), "ntkrnlpa.pdb");

    @Test
    void recordsAndProgramsAsLlvmPdbutilPrintsThem() {
        FrameDataTable table = NT.frameData();
        assertEquals(96, table.size()); // 3072-byte stream 11
        FrameDataEntry e = table.lookup(0x1053).orElseThrow();
        assertEquals(FrameData.decode(FrameDataTest.RECORD_1053, 0), e.data());
        assertEquals("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + = $ebx $T0 4 - ^ = $esi $T0 8 - ^ = $edi $T0 12 - ^ = ",
                e.program());
        assertEquals(new FrameData(0x1000, 41, 0, 12, 0, 2, 5, 0, FrameData.FLAG_FUNCTION_START), table.entries().get(0).data());
        assertEquals("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + = ", table.entries().get(0).program());
    }

    @Test
    void everyImageMatchesTheManifest() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(SimImages.x86().manifestJson());
        for (JsonNode image : manifest.get("images")) {
            List<String> expected = new ArrayList<>();
            for (JsonNode r : image.get("frameData")) {
                expected.add(String.format("%x %d %d %d %d %d %d %b %s", r.get("rva").asLong(), r.get("codeSize").asLong(),
                        r.get("localSize").asLong(), r.get("paramsSize").asLong(), r.get("prologSize").asInt(),
                        r.get("savedRegsSize").asInt(), r.get("maxStackSize").asLong(), r.get("functionStart").asBoolean(),
                        r.get("program").asText()));
            }
            List<String> actual = new ArrayList<>();
            PdbFile pdb = PdbFile.parse(SimImages.x86().bytes(image.get("pdb").asText()), image.get("pdb").asText());
            for (FrameDataEntry e : pdb.frameData().entries()) {
                FrameData d = e.data();
                actual.add(String.format("%x %d %d %d %d %d %d %b %s", d.rvaStart(), d.codeSize(), d.localSize(), d.paramsSize(),
                        d.prologSize(), d.savedRegsSize(), d.maxStackSize(), d.isFunctionStart(), e.program().strip()));
            }
            assertEquals(expected, actual, image.get("name").asText());
        }
    }

    @Test
    void lookupTakesTheLatestPrologueStepThatContainsTheAddress() {
        FrameDataTable t = NT.frameData();
        assertEquals(0x1050, t.lookup(0x1050).orElseThrow().data().rvaStart()); // entry: nothing pushed yet
        assertEquals(0x1052, t.lookup(0x1052).orElseThrow().data().rvaStart()); // after push ebx, push esi
        assertEquals(0x1053, t.lookup(0x10ad).orElseThrow().data().rvaStart()); // the check site, prologue done
        assertEquals(0x10c8, t.lookup(0x10c8 + 125).orElseThrow().data().rvaStart()); // last byte of ExpAllocateBigPool
        assertTrue(t.lookup(0x10c8 + 126).isEmpty()); // alignment padding after it
        assertTrue(t.lookup(0x1940).isEmpty()); // the cold stub has no record of its own
        assertTrue(t.lookup(0x0fff).isEmpty());
        assertEquals(0x10c0, t.function(0x1100).orElseThrow().rvaStart());
        assertEquals(134, t.function(0x1100).orElseThrow().codeSize());
    }

    @Test
    void x64PdbsHaveNoFrameData() {
        PdbFile x64 = PdbFile.parse(SimImages.x64().bytes("ntkrnlmp.pdb"), "ntkrnlmp.pdb");
        assertEquals(0, x64.frameData().size());
    }
}
