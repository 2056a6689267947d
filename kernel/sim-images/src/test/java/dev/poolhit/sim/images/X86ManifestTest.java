package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The x86 manifest against the image bytes and the compiler's own FrameData: frame kinds match
 * the prologues, call sites are calls, FPO stack depths obey the FrameData rule, break sites are
 * where the manifest says.
 */
class X86ManifestTest {
    private static final Pattern DECORATED_ARGS = Pattern.compile("@(\\d+)$");
    private static JsonNode manifest;

    @BeforeAll
    static void read() throws IOException {
        manifest = new ObjectMapper().readTree(SimImages.x86().manifestJson());
    }

    private static JsonNode image(String name) {
        return ManifestImages.image(manifest, name);
    }

    private static X86Image bytes(JsonNode image) {
        return X86Image.of(image.get("file").asText());
    }

    /** MSVC's `8b ff 55 8b ec` (assembly files) and clang's `55 89 e5` (C files) both occur. */
    @Test
    void ebpFunctionsStartWithPushEbpMovEbpEsp() {
        Map<String, Integer> prologues = new TreeMap<>();
        for (JsonNode image : manifest.get("images")) {
            X86Image pe = bytes(image);
            for (JsonNode f : image.get("functions")) {
                if (f.get("frameKind").asText().equals("ebp")) {
                    int at = f.get("begin").asInt();
                    String hotPatch = pe.u8(at) == 0x8b && pe.u8(at + 1) == 0xff ? "8bff " : "";
                    at += hotPatch.length() / 2;
                    String prologue = hotPatch + String.format("%02x %02x%02x", pe.u8(at), pe.u8(at + 1), pe.u8(at + 2));
                    prologues.merge(prologue, 1, Integer::sum);
                }
            }
        }
        assertEquals(List.of("55 89e5", "55 8bec", "8bff 55 8bec"), List.copyOf(prologues.keySet()));
        assertTrue(prologues.values().stream().mapToInt(Integer::intValue).sum() >= 20, prologues.toString());
    }

    @Test
    void everyKindOfFrameIsPresent() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (JsonNode f : image("nt").get("functions")) {
            kinds.merge(f.get("frameKind").asText(), 1, Integer::sum);
        }
        assertEquals(List.of("ebp", "fpo", "leaf", "trap"), List.copyOf(kinds.keySet()));
    }

    @Test
    void callSitesAreCallInstructionsWithTheirTargets() {
        for (JsonNode image : manifest.get("images")) {
            X86Image pe = bytes(image);
            for (JsonNode site : image.get("callSites")) {
                int rva = site.get("rva").asInt();
                String where = image.get("name").asText() + " call at 0x" + Integer.toHexString(rva);
                if (pe.u8(rva) == 0xe8) {
                    assertEquals(5, site.get("returnRva").asInt() - rva, where);
                    assertEquals(site.get("targetRva").asInt(), site.get("returnRva").asInt() + pe.i32(rva + 1), where);
                } else {
                    assertEquals(0xff, pe.u8(rva), where);
                    assertEquals(2, (pe.u8(rva + 1) >> 3) & 7, where + " (FF /2)");
                    assertTrue(site.get("targetRva").isNull(), where);
                }
            }
        }
    }

    /**
     * FrameData's rule for a frame-pointer-omitted caller (breakpad's .raSearchStart): at a direct
     * call, the return-address slot is LocalSize + SavedRegsSize + the callee's ParamsSize above
     * the callee's entry ESP. The manifest's espDelta, found by following the code, must agree.
     */
    @Test
    void fpoStackDepthsAgreeWithFrameData() {
        int checked = 0;
        for (JsonNode image : manifest.get("images")) {
            List<JsonNode> frameData = new ArrayList<>();
            image.get("frameData").forEach(frameData::add);
            for (JsonNode site : image.get("callSites")) {
                JsonNode caller = function(image, site.get("caller").asInt());
                JsonNode record = covering(frameData, site.get("rva").asInt());
                if (!caller.get("frameKind").asText().equals("fpo") || record == null || site.get("targetRva").isNull()) {
                    continue;
                }
                int expected = record.get("localSize").asInt() + record.get("savedRegsSize").asInt()
                        + calleeParams(image, frameData, site);
                assertEquals(expected, site.get("espDelta").asInt(), site.get("callerName").asText() + " -> "
                        + site.get("target").asText());
                checked++;
            }
        }
        assertTrue(checked >= 8, "checked " + checked);
    }

    private static JsonNode function(JsonNode image, int begin) {
        for (JsonNode f : image.get("functions")) {
            if (f.get("begin").asInt() == begin) {
                return f;
            }
        }
        throw new AssertionError("no function at 0x" + Integer.toHexString(begin));
    }

    private static JsonNode covering(List<JsonNode> frameData, int rva) {
        JsonNode best = null;
        for (JsonNode r : frameData) {
            int start = r.get("rva").asInt();
            if (start <= rva && rva < start + r.get("codeSize").asInt()
                    && (best == null || start > best.get("rva").asInt())) {
                best = r;
            }
        }
        return best;
    }

    private static int calleeParams(JsonNode image, List<JsonNode> frameData, JsonNode site) {
        for (JsonNode r : frameData) {
            if (r.get("functionStart").asBoolean() && r.get("rva").asInt() == site.get("targetRva").asInt()) {
                return r.get("paramsSize").asInt();
            }
        }
        Matcher m = DECORATED_ARGS.matcher(site.get("target").asText());
        assertTrue(m.find(), "callee without FrameData or decoration: " + site.get("target").asText());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void ebpFramesKeepEbpFourBytesBelowTheEntryEsp() {
        for (JsonNode image : manifest.get("images")) {
            for (JsonNode site : image.get("callSites")) {
                if (site.has("ebpDelta")) {
                    assertEquals(site.get("espDelta").asInt() - 4, site.get("ebpDelta").asInt(),
                            site.get("callerName").asText());
                }
            }
        }
    }

    @Test
    void poolSitesUseTheBreakRoutineOrAnInlineColdStub() {
        JsonNode nt = image("nt");
        X86Image pe = bytes(nt);
        List<String> shapes = new ArrayList<>();
        for (JsonNode site : nt.get("breakSites")) {
            int rva = site.get("rva").asInt();
            assertEquals(0xcc, pe.u8(rva), "int 3 at 0x" + Integer.toHexString(rva));
            String via = site.get("via").asText();
            if (site.get("kind").asText().equals("breakin")) {
                assertEquals(0xc2, pe.u8(rva + 1), "ret 4 after the break-in int 3");
                continue;
            }
            int check = site.get("checkRva").asInt();
            if (via.equals("breakRoutine")) {
                assertEquals(0xc3, pe.u8(rva + 1), "DbgBreakPoint is int 3; ret");
                assertEquals(rva, site.get("returnRva").asInt() + pe.i32(site.get("callRva").asInt() + 1));
                assertEquals(0x75, pe.u8(check), "jne over the call");
            } else {
                assertEquals(0xe9, pe.u8(rva + 1), "jmp back");
                assertEquals(site.get("resumeRva").asInt(), rva + 6 + pe.i32(rva + 2));
                assertEquals(List.of(0x0f, 0x84), List.of(pe.u8(check), pe.u8(check + 1)), "je to the stub");
                assertEquals(rva, check + 6 + pe.i32(check + 2));
            }
            shapes.add(site.get("kind").asText() + "/" + via + "/"
                    + function(nt, site.get("parentBegin").asInt()).get("frameKind").asText());
        }
        assertEquals(List.of("alloc/breakRoutine/fpo", "free/breakRoutine/ebp", "alloc/inline/ebp", "free/inline/fpo"),
                shapes);
    }

    @Test
    void systemCallEntryReturnsToKiServiceExitAndDescribesItsTrapFrame() {
        JsonNode nt = image("nt");
        JsonNode entry = null;
        for (JsonNode f : nt.get("functions")) {
            if (f.get("name").asText().equals("_KiFastCallEntry")) {
                entry = f;
            }
        }
        assertEquals("trap", entry.get("frameKind").asText());
        assertEquals(0x7c, entry.get("trapFrameEntryOffset").asInt());
        for (JsonNode site : nt.get("callSites")) {
            if (site.get("callerName").asText().equals("_KiFastCallEntry")) {
                assertEquals(nt.at("/publics/_KiServiceExit").asInt(), site.get("returnRva").asInt());
                assertEquals("call ebx", "call " + site.get("operand").asText());
            }
        }
    }

    @Test
    void poolHitTagIsAPublicButNotAnExport() {
        JsonNode nt = image("nt");
        assertTrue(nt.get("publics").has("_PoolHitTag"));
        assertFalse(nt.get("exports").has("PoolHitTag"));
        assertTrue(nt.get("exports").has("ExAllocatePoolWithTag"));
        assertEquals("ntoskrnl.exe!ExAllocatePoolWithTag", image("myfault").get("callSites").get(0).get("import").asText());
    }
}
