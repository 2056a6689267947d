package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The x86 scenarios: stacks that link call by call, with a break frame innermost. */
class X86ScenarioTest {
    private static JsonNode manifest;

    @BeforeAll
    static void read() throws IOException {
        manifest = new ObjectMapper().readTree(SimImages.x86().manifestJson());
    }

    private static JsonNode image(String name) {
        return ManifestImages.image(manifest, name);
    }

    @Test
    void scenarioNamesAndBreakShapes() {
        List<String> shapes = new ArrayList<>();
        for (JsonNode scenario : manifest.get("scenarios")) {
            JsonNode last = scenario.get("frames").get(scenario.get("frames").size() - 1);
            shapes.add(scenario.get("name").asText() + ":" + last.get("breakKind").asText() + "/"
                    + last.get("via").asText() + "@" + last.get("function").asText());
        }
        assertEquals(List.of("ioctl-leak-Lea2-small:alloc/breakRoutine@_DbgBreakPoint@0",
                "ioctl-leak-Lea2-big:alloc/inline@_ExpAllocateBigPool@12",
                "ioctl-alloc-Lea1:alloc/breakRoutine@_DbgBreakPoint@0",
                "ioctl-free-Lea1:free/breakRoutine@_DbgBreakPoint@0",
                "worker-CM31-small:alloc/breakRoutine@_DbgBreakPoint@0",
                "worker-MmSt-big-free:free/inline@_ExpFreeBigPool@4",
                "breakin-clock:breakin/inline@_DbgBreakPointWithStatus@4"), shapes);
    }

    @Test
    void everyCallFrameReturnsIntoItsOwnFunctionAndReachesTheNext() {
        for (JsonNode scenario : manifest.get("scenarios")) {
            JsonNode frames = scenario.get("frames");
            for (int i = 0; i + 1 < frames.size(); i++) {
                JsonNode frame = frames.get(i);
                JsonNode function = function(image(frame.get("image").asText()), frame.get("functionRva").asInt());
                int ret = frame.get("returnRva").asInt();
                String where = scenario.get("name").asText() + " frame " + i;
                assertTrue(ret > function.get("begin").asInt() && ret <= function.get("end").asInt(), where);
                if (frame.get("kind").asText().equals("call") && frame.get("import").isNull()
                        && !frame.get("target").asText().equals("indirect")) {
                    assertEquals(frame.get("target").asText(), frames.get(i + 1).get("function").asText(), where);
                }
            }
        }
    }

    @Test
    void breakFramesPointAtAnInt3() {
        for (JsonNode scenario : manifest.get("scenarios")) {
            JsonNode frames = scenario.get("frames");
            JsonNode last = frames.get(frames.size() - 1);
            assertEquals("break", last.get("kind").asText());
            X86Image pe = X86Image.of(image(last.get("image").asText()).get("file").asText());
            assertEquals(0xcc, pe.u8(last.get("breakRva").asInt()), scenario.get("name").asText());
        }
    }

    @Test
    void systemCallsEnterTheKernelBySysenter() {
        JsonNode frames = manifest.get("scenarios").get(0).get("frames");
        JsonNode trap = frames.get(4);
        assertEquals("sysenter", trap.get("instruction").asText());
        assertEquals("_KiFastCallEntry", frames.get(5).get("function").asText());
        assertEquals("trap", frames.get(5).get("frameKind").asText());
        assertEquals(image("ntdll").at("/publics/_KiFastSystemCallRet@0").asInt(), trap.get("returnRva").asInt());
        assertNotNull(frames.get(2).get("espDelta"));
        assertTrue(frames.get(2).get("espDelta").isNull(), "LeakyIssueIoctl realigns ESP: only EBP locates it");
    }

    private static JsonNode function(JsonNode image, int begin) {
        for (JsonNode f : image.get("functions")) {
            if (f.get("begin").asInt() == begin) {
                return f;
            }
        }
        throw new AssertionError("no function at 0x" + Integer.toHexString(begin));
    }
}
