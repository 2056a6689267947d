package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs llvm-readobj and llvm-pdbutil on the committed images; skipped where LLVM is absent. */
class ImageToolsTest {
    private static final Pattern RUNTIME_FUNCTION = Pattern.compile("StartAddress: \\((0x[0-9A-F]+)\\)\\s+"
            + "EndAddress: \\((0x[0-9A-F]+)\\)\\s+UnwindInfoAddress: \\((0x[0-9A-F]+)\\)\\s+UnwindInfo \\{");
    private static final Pattern EXPORT = Pattern.compile("Name: (\\S+)\\n\\s+RVA: (0x[0-9A-F]+)");
    private static final Pattern PUBLIC = Pattern.compile("S_PUB32 \\[size = \\d+\\] `(.+?)`");

    @TempDir
    static Path dir;
    private static JsonNode manifest;

    @BeforeAll
    static void extract() throws IOException {
        assumeTrue(Tools.onPath("llvm-readobj", "llvm-pdbutil"), "llvm-readobj/llvm-pdbutil not installed");
        Tools.extractX64(dir);
        manifest = new ObjectMapper().readTree(SimImages.x64().manifestJson());
    }

    private static String tool(String... command) {
        return Tools.run(dir, command);
    }

    @Test
    void coldStubsHaveChainedUnwindInfoWithoutCodes() {
        String[] blocks = tool("llvm-readobj", "--unwind", "ntoskrnl.exe").split("RuntimeFunction \\{");
        List<String> chained = new ArrayList<>();
        for (String block : blocks) {
            if (block.contains("ChainInfo (0x4)")) {
                chained.add(block);
                assertTrue(block.contains("UnwindCodeCount: 0") && block.contains("Chained {"), block);
            }
        }
        assertEquals(4, chained.size(), "alloc small/big and free small/big stubs");
    }

    @Test
    void systemCallAndInterruptEntriesPushMachineFrames() {
        String unwind = tool("llvm-readobj", "--unwind", "ntoskrnl.exe");
        assertEquals(2, unwind.split("PUSH_MACHFRAME errcode=no", -1).length - 1);
    }

    @Test
    void poolHitTagIsAPublicButNotAnExport() {
        String publics = tool("llvm-pdbutil", "dump", "--publics", "ntkrnlmp.pdb");
        Map<String, Long> exports = exports("ntoskrnl.exe");
        for (String hidden : List.of("PoolHitTag", "KdDebuggerDataBlock", "KdpDebuggerDataListHead")) {
            assertTrue(publics.contains("`" + hidden + "`"), hidden + " in publics");
            assertFalse(exports.containsKey(hidden), hidden + " exported");
        }
        assertTrue(exports.containsKey("PsLoadedModuleList") && exports.containsKey("ExAllocatePoolWithTag"));
    }

    @Test
    void eachImageCarriesItsPdbGuidAndAge() {
        for (JsonNode image : manifest.get("images")) {
            String debug = tool("llvm-readobj", "--coff-debug-directory", image.get("file").asText());
            String summary = tool("llvm-pdbutil", "dump", "--summary", image.get("pdb").asText());
            assertEquals(guidOfPdb(summary), guidOfImage(debug), image.get("file").asText());
            assertEquals(group("Age: (\\d+)", summary), group("PDBAge: (\\d+)", debug));
            assertEquals(image.get("pdb").asText(), group("PDBFileName: (\\S+)", debug));
        }
    }

    @Test
    void manifestFunctionsAndExportsMatchReadobj() {
        for (JsonNode image : manifest.get("images")) {
            String file = image.get("file").asText();
            long base = Long.parseUnsignedLong(image.get("base").asText().substring(2), 16);
            List<String> fromTool = new ArrayList<>();
            Matcher m = RUNTIME_FUNCTION.matcher(tool("llvm-readobj", "--unwind", file));
            while (m.find()) {
                fromTool.add(rva(m.group(1), base) + "-" + rva(m.group(2), base) + "@" + rva(m.group(3), base));
            }
            List<String> fromManifest = new ArrayList<>();
            for (JsonNode f : image.get("functions")) {
                fromManifest.add(f.get("begin").asLong() + "-" + f.get("end").asLong() + "@" + f.get("unwindRva").asLong());
            }
            assertEquals(fromTool, fromManifest, file);
            Map<String, Long> manifestExports = new TreeMap<>();
            image.get("exports").fields().forEachRemaining(e -> manifestExports.put(e.getKey(), e.getValue().asLong()));
            assertEquals(exports(file), manifestExports, file);
        }
    }

    @Test
    void manifestPublicsMatchPdbutil() {
        for (JsonNode image : manifest.get("images")) {
            List<String> fromTool = new ArrayList<>();
            Matcher m = PUBLIC.matcher(tool("llvm-pdbutil", "dump", "--publics", image.get("pdb").asText()));
            while (m.find()) {
                fromTool.add(m.group(1));
            }
            List<String> fromManifest = new ArrayList<>();
            image.get("publics").fieldNames().forEachRemaining(fromManifest::add);
            assertEquals(fromTool.stream().sorted().toList(), fromManifest, image.get("pdb").asText());
        }
    }

    @Test
    void manifestCallAndBreakSitesAreObjdumpInstructions() {
        assumeTrue(Tools.onPath("llvm-objdump"), "llvm-objdump not installed");
        for (JsonNode image : manifest.get("images")) {
            List<Long> order = new ArrayList<>();
            Map<Long, String> mnemonics = objdumpMnemonics(image, order);
            List<Long> listed = new ArrayList<>();
            for (JsonNode site : image.get("callSites")) {
                long rva = site.get("rva").asLong();
                listed.add(rva);
                // AT&T syntax here (callq), independent of the Intel-syntax run manifest.py parsed
                assertEquals("callq", mnemonics.get(rva), image.get("name").asText() + " 0x" + Long.toHexString(rva));
                assertEquals(order.get(order.indexOf(rva) + 1), site.get("returnRva").asLong());
            }
            for (JsonNode site : image.get("breakSites")) {
                assertEquals("int3", mnemonics.get(site.get("rva").asLong()));
            }
            for (JsonNode f : image.get("functions")) {
                mnemonics.forEach((rva, mnemonic) -> {
                    if (mnemonic.equals("callq") && rva >= f.get("begin").asLong() && rva < f.get("end").asLong()) {
                        assertTrue(listed.contains(rva), "call at 0x" + Long.toHexString(rva) + " missing");
                    }
                });
            }
        }
    }

    /** Instruction RVA to mnemonic, from llvm-objdump's default (AT&T) listing; fills order. */
    private Map<Long, String> objdumpMnemonics(JsonNode image, List<Long> order) {
        long base = Long.parseUnsignedLong(image.get("base").asText().substring(2), 16);
        Map<Long, String> mnemonics = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*([0-9a-f]+):\\s+(\\S+)")
                .matcher(tool("llvm-objdump", "-d", "--no-show-raw-insn", image.get("file").asText()));
        while (m.find()) {
            long rva = Long.parseUnsignedLong(m.group(1), 16) - base;
            mnemonics.put(rva, m.group(2));
            order.add(rva);
        }
        return mnemonics;
    }

    @Test
    void poolHitTagHoldsItsIdleValueInTheFile() {
        JsonNode nt = manifest.get("images").get(0);
        long rva = nt.get("publics").get("PoolHitTag").asLong();
        String sections = tool("llvm-readobj", "--sections", "ntoskrnl.exe");
        Matcher m = Pattern.compile("VirtualAddress: (0x[0-9A-F]+)\\s+RawDataSize: (\\d+)\\s+PointerToRawData: (0x[0-9A-F]+)")
                .matcher(sections);
        byte[] image = SimImages.x64().bytes("ntoskrnl.exe");
        while (m.find()) {
            long start = Long.decode(m.group(1));
            if (rva >= start && rva < start + Long.parseLong(m.group(2))) {
                int offset = (int) (Long.decode(m.group(3)) + rva - start);
                assertEquals(0xffffff0fL, dev.poolhit.common.LittleEndian.u32(image, offset));
                return;
            }
        }
        throw new AssertionError("PoolHitTag rva 0x" + Long.toHexString(rva) + " is in no section with file data");
    }

    private Map<String, Long> exports(String file) {
        Map<String, Long> out = new TreeMap<>();
        Matcher m = EXPORT.matcher(tool("llvm-readobj", "--coff-exports", file));
        while (m.find()) {
            out.put(m.group(1), Long.decode(m.group(2)));
        }
        return out;
    }

    private static long rva(String address, long base) {
        return Long.parseUnsignedLong(address.substring(2), 16) - base;
    }

    private static String group(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    private static String guidOfPdb(String summary) {
        return group("GUID: \\{([0-9A-F-]+)\\}", summary);
    }

    /** RSDS GUID bytes (Data1..3 little-endian) in the registry form pdbutil prints. */
    private static String guidOfImage(String debug) {
        String[] b = group("PDBGUID: \\(([0-9A-F ]+)\\)", debug).split(" ");
        return b[3] + b[2] + b[1] + b[0] + "-" + b[5] + b[4] + "-" + b[7] + b[6] + "-" + b[8] + b[9] + "-"
                + String.join("", List.of(b).subList(10, 16));
    }
}
