package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unwinds the native ground-truth stacks (groundtruth.json: ntoskrnl.exe and myfault.sys really
 * executed on the build host, registers and raw stack captured at each int 3) with nothing but
 * the manifest's derived frame data, and expects the scenario's return addresses, the harness's
 * entry RSP, and the allocator's home slots. This ties frameSize/saves to real execution.
 */
class GroundTruthUnwindTest {
    private static JsonNode manifest;
    private static JsonNode truth;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        manifest = mapper.readTree(SimImages.x64().manifestJson());
        truth = mapper.readTree(SimImages.x64().bytes("groundtruth.json"));
    }

    /** One unwound frame: module, RVA of its IP, its Child-SP (RSP after unwinding into it). */
    private record Frame(String module, long rva, long childSp) {}

    @Test
    void everyScenarioWasHitNatively() {
        List<String> hit = new ArrayList<>();
        truth.get("hits").forEach(h -> hit.add(h.get("scenario").asText()));
        List<String> scenarios = new ArrayList<>();
        manifest.get("scenarios").forEach(s -> scenarios.add(s.get("name").asText()));
        assertEquals(scenarios, hit);
    }

    @Test
    void manifestFrameDataUnwindsEveryNativeStackToTheHarness() {
        for (JsonNode hit : truth.get("hits")) {
            JsonNode scenario = scenario(hit.get("scenario").asText());
            List<Frame> frames = unwind(hit);
            JsonNode expected = scenario.get("frames");
            int last = expected.size() - 1;
            assertEquals(expected.get(last).get("breakRva").asLong(), frames.get(0).rva(), hit.get("scenario").asText());
            for (int i = 1; i < frames.size(); i++) {
                JsonNode caller = expected.get(last - i);
                String where = hit.get("scenario").asText() + " frame " + i;
                assertEquals(caller.get("image").asText(), frames.get(i).module(), where);
                assertEquals(caller.get("returnRva").asLong(), frames.get(i).rva(), where);
            }
        }
    }

    @Test
    void allocatorHomeSlotsHoldTheArguments() {
        for (JsonNode hit : truth.get("hits")) {
            String kind = scenario(hit.get("scenario").asText()).get("breakKind").asText();
            JsonNode regs = hit.get("registers");
            List<Frame> frames = unwind(hit);
            if (kind.equals("alloc")) {
                long homes = callerSpOf(frames, hit, "ExAllocatePoolWithTag");
                assertEquals(regs.get("rbx").asLong(), read64(hit, homes + 8), "NumberOfBytes home slot");
                assertEquals(hit.get("poolHitTag").asLong(), read64(hit, homes + 0x10) & 0xffffffffL, "Tag home slot");
            } else if (kind.equals("free")) {
                long homes = callerSpOf(frames, hit, "ExFreePoolWithTag");
                assertEquals(regs.get("rbx").asLong(), read64(hit, homes), "P home slot = RBX at the break");
            }
        }
    }

    private static long callerSpOf(List<Frame> frames, JsonNode hit, String function) {
        long begin = image("nt").get("publics").get(function).asLong();
        for (int i = 0; i + 1 < frames.size(); i++) {
            JsonNode f = functionCovering(image(frames.get(i).module()), frames.get(i).rva());
            long owner = f == null ? -1 : f.get("chainedTo").isNull() ? f.get("begin").asLong() : f.get("chainedTo").asLong();
            if (owner == begin) {
                return frames.get(i + 1).childSp();
            }
        }
        throw new AssertionError(hit.get("scenario").asText() + ": no " + function + " frame");
    }

    private static List<Frame> unwind(JsonNode hit) {
        JsonNode regs = hit.get("registers");
        long rip = hit.get("rip").asLong();
        long rsp = regs.get("rsp").asLong();
        long rbp = regs.get("rbp").asLong();
        List<Frame> frames = new ArrayList<>();
        while (rip != truth.get("returnStub").asLong()) {
            assertTrue(frames.size() < 16, "runaway unwind at " + Hex.u64(rip));
            String module = moduleOf(rip);
            long rva = rip - moduleBase(module);
            frames.add(new Frame(module, rva, rsp));
            JsonNode f = functionCovering(image(module), rva);
            if (f == null) {
                rip = read64(hit, rsp);
                rsp += 8;
                continue;
            }
            long est = f.get("frameRegister").isNull() ? rsp : rbp - f.get("frameRegisterOffset").asLong();
            for (JsonNode save : f.get("saves")) {
                if (save.get("register").asText().equals("RBP")) {
                    rbp = read64(hit, est + save.get("offset").asLong());
                }
            }
            rip = read64(hit, est + f.get("frameSize").asLong());
            rsp = est + f.get("frameSize").asLong() + 8;
        }
        assertEquals(truth.get("entryRsp").asLong() + 8, rsp, hit.get("scenario").asText() + ": harness RSP");
        assertNotEquals(0, frames.size());
        return frames;
    }

    private static long read64(JsonNode hit, long address) {
        long offset = address - hit.get("stackAddress").asLong();
        byte[] stack = HexFormat.of().parseHex(hit.get("stack").asText());
        assertTrue(offset >= 0 && offset + 8 <= stack.length, "stack read at " + Hex.u64(address));
        return LittleEndian.u64(stack, (int) offset);
    }

    private static String moduleOf(long address) {
        for (JsonNode m : truth.get("modules")) {
            long base = m.get("base").asLong();
            long size = image(m.get("name").asText()).get("sizeOfImage").asLong();
            if (address >= base && address < base + size) {
                return m.get("name").asText();
            }
        }
        throw new AssertionError("address in no module: " + Hex.u64(address));
    }

    private static long moduleBase(String name) {
        for (JsonNode m : truth.get("modules")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("base").asLong();
            }
        }
        throw new AssertionError("no module " + name);
    }

    private static JsonNode functionCovering(JsonNode image, long rva) {
        for (JsonNode f : image.get("functions")) {
            if (f.get("begin").asLong() <= rva && rva < f.get("end").asLong()) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode image(String name) {
        return ManifestImages.image(manifest, name);
    }

    private static JsonNode scenario(String name) {
        for (JsonNode s : manifest.get("scenarios")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + name);
    }
}
