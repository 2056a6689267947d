package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every RUNTIME_FUNCTION of every image, read from the PE bytes: CountOfCodes equals the slots
 * the ops use and chained info follows the even-padded code array (what a strict unwinder needs;
 * llvm-readobj, which manifest.py reads, tolerates a short count).
 */
class UnwindCodeSlotsTest {
    private static JsonNode manifest;

    @BeforeAll
    static void read() throws IOException {
        manifest = new ObjectMapper().readTree(SimImages.x64().manifestJson());
    }

    private static PeFile pe(String file) {
        return PeFile.parse(file, SimImages.x64().bytes(file));
    }

    private static List<String> problems(PeFile pe) {
        Set<PeFile.RuntimeFunction> pdata = new HashSet<>(pe.runtimeFunctions());
        List<String> problems = new ArrayList<>();
        for (PeFile.RuntimeFunction function : pe.runtimeFunctions()) {
            problems.addAll(UnwindSlotCheck.problems(pe, function, pdata));
        }
        return problems;
    }

    private static JsonNode nt() {
        return manifest.get("images").get(0);
    }

    private static JsonNode function(JsonNode image, String field, String value) {
        for (JsonNode f : image.get("functions")) {
            if (value.equals(f.path(field).asText())) {
                return f;
            }
        }
        throw new AssertionError(image.get("name").asText() + ": no function with " + field + " " + value);
    }

    private static PeFile.RuntimeFunction runtimeFunction(JsonNode f) {
        return new PeFile.RuntimeFunction(f.get("begin").asInt(), f.get("end").asInt(), f.get("unwindRva").asInt());
    }

    /** A copy of ntoskrnl.exe with some bytes of one UNWIND_INFO replaced. */
    private static PeFile ntPatched(int rva, byte... replacement) {
        PeFile original = pe("ntoskrnl.exe");
        byte[] bytes = Arrays.copyOf(original.bytes(), original.bytes().length);
        System.arraycopy(replacement, 0, bytes, original.offsetOf(rva, replacement.length), replacement.length);
        return PeFile.parse("ntoskrnl.exe", bytes);
    }

    private static List<String> problemsOf(PeFile pe, JsonNode f) {
        return UnwindSlotCheck.problems(pe, runtimeFunction(f), new HashSet<>(pe.runtimeFunctions()));
    }

    @Test
    void everyRuntimeFunctionOfEveryImageDeclaresExactlyTheSlotsItsOpsUse() {
        int checked = 0;
        int listed = 0;
        for (JsonNode image : manifest.get("images")) {
            PeFile pe = pe(image.get("file").asText());
            assertEquals(List.of(), problems(pe), pe.name());
            checked += pe.runtimeFunctions().size();
            listed += image.get("functions").size();
        }
        assertEquals(listed, checked, "RUNTIME_FUNCTIONs in .pdata vs manifest functions");
    }

    @Test
    void expFreeBigPoolDeclaresFiveSlotsThenOnePaddingSlot() {
        JsonNode f = function(nt(), "name", "ExpFreeBigPool");
        byte[] expected = Hex.decode("""
                01     # version 1, no flags
                0b     # prolog size: mov [rsp+8],rbx (5) push rsi (1) push rdi (1) sub rsp,28h (4)
                05     # CountOfCodes: 1 + 1 + 1 + 2
                00     # no frame register
                0b 42  # @0x0b ALLOC_SMALL (4+1)*8 = 0x28
                07 70  # @0x07 PUSH_NONVOL rdi
                06 60  # @0x06 PUSH_NONVOL rsi
                05 34  # @0x05 SAVE_NONVOL rbx, next slot
                08 00  #       offset 8*8 = 0x40
                00 00  # padding slot (odd count), not counted
                """);
        PeFile pe = pe("ntoskrnl.exe");
        byte[] actual = Arrays.copyOfRange(pe.bytes(), pe.offsetOf(f.get("unwindRva").asInt(), expected.length),
                pe.offsetOf(f.get("unwindRva").asInt(), expected.length) + expected.length);
        assertArrayEquals(expected, actual, Hex.bytes(actual));
    }

    @Test
    void aCountOneShortOfTheSlotsIsReported() {
        JsonNode f = function(nt(), "name", "ExpFreeBigPool");
        PeFile patched = ntPatched(f.get("unwindRva").asInt() + 2, (byte) 4);
        assertEquals(List.of("unwind code count mismatch: CountOfCodes 4, ops use 5 slots (ntoskrnl.exe "
                + "RUNTIME_FUNCTION " + runtimeFunction(f) + ")"), problemsOf(patched, f));
    }

    @Test
    void aCountThatTakesInThePaddingSlotIsReported() {
        JsonNode f = function(nt(), "name", "ExpFreeBigPool");
        PeFile patched = ntPatched(f.get("unwindRva").asInt() + 2, (byte) 6);
        assertEquals(List.of("unwind code prolog offset in slot 5: expected 1..0x5 (descending), actual 0x0"
                + " (ntoskrnl.exe RUNTIME_FUNCTION " + runtimeFunction(f) + ")"), problemsOf(patched, f));
    }

    @Test
    void chainedInfoRightAfterAnOddCodeArrayIsReported() {
        JsonNode parent = function(nt(), "name", "ExpFreeBigPool");
        JsonNode stub = function(nt(), "chainedToName", "ExpFreeBigPool");
        PeFile.RuntimeFunction chain = runtimeFunction(parent);
        // one PUSH_MACHFRAME slot, then the parent's RUNTIME_FUNCTION without the padding slot
        byte[] unpadded = new byte[4 + 2 + 12 + 2];
        unpadded[0] = 0x21;
        unpadded[2] = 1;
        unpadded[5] = 0x0a;
        LittleEndian.put32(unpadded, 6, chain.begin());
        LittleEndian.put32(unpadded, 10, chain.end());
        LittleEndian.put32(unpadded, 14, chain.unwindRva());
        PeFile patched = ntPatched(stub.get("unwindRva").asInt(), unpadded);
        PeFile.RuntimeFunction misread = new PeFile.RuntimeFunction(chain.begin() >>> 16 | chain.end() << 16,
                chain.end() >>> 16 | chain.unwindRva() << 16, chain.unwindRva() >>> 16);
        assertEquals(List.of("chained RUNTIME_FUNCTION at the padded position 0x"
                + Integer.toHexString(stub.get("unwindRva").asInt() + 8) + ": expected a .pdata entry, actual "
                + misread + " (ntoskrnl.exe RUNTIME_FUNCTION " + runtimeFunction(stub) + ")"),
                problemsOf(patched, stub));
    }

    @Test
    void slotCountsFollowTheOpsAndTheirInfo() {
        assertEquals(List.of(1, 2, 3, 1, 1, 2, 3, 2, 3, 1, -1, -1),
                List.of(UnwindSlotCheck.slotsOf(0, 3), UnwindSlotCheck.slotsOf(1, 0), UnwindSlotCheck.slotsOf(1, 1),
                        UnwindSlotCheck.slotsOf(2, 15), UnwindSlotCheck.slotsOf(3, 0), UnwindSlotCheck.slotsOf(4, 3),
                        UnwindSlotCheck.slotsOf(5, 3), UnwindSlotCheck.slotsOf(8, 6), UnwindSlotCheck.slotsOf(9, 6),
                        UnwindSlotCheck.slotsOf(10, 0), UnwindSlotCheck.slotsOf(1, 2), UnwindSlotCheck.slotsOf(6, 0)));
    }
}
