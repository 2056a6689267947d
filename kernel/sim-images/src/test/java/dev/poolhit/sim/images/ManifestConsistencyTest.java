package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Internal consistency of manifest.json: scenarios, break sites, derived frame data. */
class ManifestConsistencyTest {
    private static JsonNode manifest;

    @BeforeAll
    static void read() throws IOException {
        manifest = new ObjectMapper().readTree(SimImages.x64().manifestJson());
    }

    private static JsonNode image(String name) {
        return ManifestImages.image(manifest, name);
    }

    private static JsonNode callSite(JsonNode image, long rva) {
        for (JsonNode site : image.get("callSites")) {
            if (site.get("rva").asLong() == rva) {
                return site;
            }
        }
        throw new AssertionError(image.get("name").asText() + ": no call site at 0x" + Long.toHexString(rva));
    }

    private static JsonNode functionAt(JsonNode image, long begin) {
        for (JsonNode f : image.get("functions")) {
            if (f.get("begin").asLong() == begin) {
                return f;
            }
        }
        return null;
    }

    @Test
    void everyScenarioCallReachesTheNextFrame() {
        for (JsonNode scenario : manifest.get("scenarios")) {
            JsonNode frames = scenario.get("frames");
            for (int i = 0; i + 1 < frames.size(); i++) {
                JsonNode frame = frames.get(i);
                JsonNode next = frames.get(i + 1);
                String where = scenario.get("name").asText() + " frame " + i;
                if (frame.get("kind").asText().equals("call")) {
                    JsonNode site = callSite(image(frame.get("image").asText()), frame.get("callRva").asLong());
                    assertEquals(frame.get("returnRva").asLong(), site.get("returnRva").asLong(), where);
                    assertCallTarget(site, frame, next, where);
                } else {
                    assertEquals("trap", frame.get("kind").asText(), where);
                    JsonNode entry = functionAt(image(next.get("image").asText()), next.get("functionRva").asLong());
                    assertTrue(entry.get("machineFrame").asBoolean(), where + ": trap enters a machine-frame function");
                }
            }
            assertEquals("break", frames.get(frames.size() - 1).get("kind").asText());
            assertEquals(scenario.get("breakKind").asText(), frames.get(frames.size() - 1).get("breakKind").asText());
        }
    }

    private static void assertCallTarget(JsonNode site, JsonNode frame, JsonNode next, String where) {
        long nextRva = next.get("functionRva").asLong();
        if (!site.get("import").isNull()) {
            String[] dllAndName = site.get("import").asText().split("!");
            JsonNode callee = image(next.get("image").asText());
            assertEquals(dllAndName[0], callee.get("file").asText(), where);
            assertEquals(nextRva, callee.get("exports").get(dllAndName[1]).asLong(), where);
        } else if (!site.get("target").asText().equals("indirect")) {
            assertEquals(frame.get("image").asText(), next.get("image").asText(), where);
            assertEquals(nextRva, site.get("targetRva").asLong(), where);
        } else {
            assertFalse(site.get("operand").asText().isEmpty(), where);
        }
    }

    @Test
    void everyPoolBreakSiteIsAnInt3InAChainedStubOfItsParent() {
        int poolSites = 0;
        for (JsonNode image : manifest.get("images")) {
            for (JsonNode site : image.get("breakSites")) {
                String kind = site.get("kind").asText();
                if (!kind.equals("alloc") && !kind.equals("free")) {
                    continue;
                }
                poolSites++;
                long rva = site.get("rva").asLong();
                JsonNode stub = functionAt(image, site.get("stubBegin").asLong());
                assertNotNull(stub, "stub RUNTIME_FUNCTION");
                assertTrue(stub.get("begin").asLong() <= rva && rva < stub.get("end").asLong());
                assertEquals(site.get("parentBegin").asLong(), stub.get("chainedTo").asLong());
                JsonNode parent = functionAt(image, site.get("parentBegin").asLong());
                assertEquals(site.get("parent").asText(), parent.get("name").asText());
                long check = site.get("checkRva").asLong();
                long resume = site.get("resumeRva").asLong();
                assertTrue(parent.get("begin").asLong() < check && check < resume && resume < parent.get("end").asLong());
                assertEquals(kind.equals("free"), parent.get("name").asText().contains("Free"));
            }
        }
        assertEquals(4, poolSites);
    }

    @Test
    void coldStubsAreNotNamedAfterTheirParents() {
        for (JsonNode f : image("nt").get("functions")) {
            if (!f.get("chainedTo").isNull()) {
                assertTrue(f.get("name").isNull());
                assertFalse(f.get("nearestPublic").asText().startsWith(f.get("chainedToName").asText()),
                        f.get("nearestPublic").asText());
                assertEquals(0, f.get("codes").size());
            }
        }
    }

    @Test
    void frameSizeAndSavesFollowFromTheCodes() {
        for (JsonNode image : manifest.get("images")) {
            for (JsonNode f : image.get("functions")) {
                long total = 0;
                List<String> saves = new ArrayList<>();
                for (JsonNode cur = f; cur != null; cur = cur.get("chainedTo").isNull() ? null
                        : functionAt(image, cur.get("chainedTo").asLong())) {
                    for (JsonNode code : cur.get("codes")) {
                        String op = code.get("op").asText();
                        String reg = code.get("register").asText();
                        if (op.startsWith("ALLOC_")) {
                            total += code.get("value").asLong();
                        } else if (op.equals("PUSH_NONVOL")) {
                            saves.add(reg + "@" + total);
                            total += 8;
                        } else if (op.startsWith("SAVE_")) {
                            saves.add(reg + "@" + code.get("value").asLong());
                        }
                    }
                }
                List<String> manifestSaves = new ArrayList<>();
                f.get("saves").forEach(s -> manifestSaves.add(s.get("register").asText() + "@" + s.get("offset").asLong()));
                String where = image.get("name").asText() + " 0x" + Long.toHexString(f.get("begin").asLong());
                assertEquals(total, f.get("frameSize").asLong(), where);
                assertEquals(saves, manifestSaves, where);
                assertTrue(f.get("machineFrame").asBoolean() || (total + 8) % 16 == 0,
                        where + ": frame keeps RSP 16-byte aligned at calls");
            }
        }
    }

    @Test
    void runtimeFunctionsAreSortedAndDisjoint() {
        for (JsonNode image : manifest.get("images")) {
            long previousEnd = 0;
            for (JsonNode f : image.get("functions")) {
                assertTrue(f.get("begin").asLong() >= previousEnd && f.get("end").asLong() > f.get("begin").asLong(),
                        image.get("name").asText() + " 0x" + Long.toHexString(f.get("begin").asLong()));
                previousEnd = f.get("end").asLong();
            }
        }
    }

    @Test
    void imagesSitAtDistinctFixedBases() {
        Set<String> bases = new HashSet<>();
        for (JsonNode image : manifest.get("images")) {
            assertTrue(bases.add(image.get("base").asText()));
            assertEquals("0x8664", image.get("machine").asText());
            assertEquals(image.get("pdbGuid").asText(), image.get("pdbFileGuid").asText());
        }
        assertEquals("0xfffff80002a00000", image("nt").get("base").asText());
        assertEquals("0xfffff88004e00000", image("myfault").get("base").asText());
    }

    @Test
    void scenariosCoverTheLeakTheBalancedTagsAndBreakIn() {
        Set<String> tagsAndKinds = new HashSet<>();
        manifest.get("scenarios").forEach(s -> tagsAndKinds.add(s.get("tag").asText() + ":" + s.get("breakKind").asText()));
        assertTrue(tagsAndKinds.containsAll(List.of("Lea2:alloc", "Lea1:alloc", "Lea1:free", "Irp :alloc", "Irp :free",
                "File:free", "MmSt:alloc", "MmSt:free", "null:breakin")), tagsAndKinds.toString());
        assertFalse(tagsAndKinds.contains("Lea2:free"), "the leak is never freed");
    }
}
