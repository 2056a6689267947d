package dev.poolhit.sim.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One x86 image's frame facts from the images manifest (sim-images x86 README): functions with
 * their frame kind, call sites with the stack depth at the call ({@code espDelta}, {@code ebpDelta})
 * and the PDB's FrameData records. The simulator lays x86 stacks out from these, so a host that
 * walks with FrameData, the EBP chain and trap frames recovers exactly the recorded frames.
 */
public record X86Code(List<Function> functions, Map<Long, CallSite> callSitesByReturn, List<FrameData> frameData,
                      List<InlineStub> inlineStubs) {
    public X86Code {
        functions = List.copyOf(functions);
        callSitesByReturn = Map.copyOf(callSitesByReturn);
        frameData = List.copyOf(frameData);
        inlineStubs = List.copyOf(inlineStubs);
    }

    /** A cold {@code int 3; jmp back} stub: no symbol or FrameData of its own; it runs in the frame at checkRva. */
    public record InlineStub(long begin, long end, long checkRva) {}

    /**
     * @param frameKind            {@code ebp}, {@code fpo}, {@code leaf} or {@code trap}
     * @param trapFrameEntryOffset trap entries: KTRAP_FRAME offset of the entry ESP (0 otherwise)
     */
    public record Function(String name, long begin, long end, String frameKind, int trapFrameEntryOffset) {
        public boolean trap() {
            return "trap".equals(frameKind);
        }
    }

    /**
     * Depths at a call: own return address at ESP_call + espDelta; EBP = ESP_call + ebpDelta (null =
     * unknown); calleePops = argument bytes a direct stdcall/fastcall callee pops (0 when unknown).
     */
    public record CallSite(long returnRva, Integer espDelta, Integer ebpDelta, int calleePops) {}

    /** A FrameData record as the PDB holds it (sizes in bytes; program = the RPN unwind program). */
    public record FrameData(long rva, long codeSize, int localSize, int paramsSize, int savedRegsSize,
                            String program) {}

    /** The function holding {@code rva}; a cold stub counts as the function of its check site. */
    public Optional<Function> functionAt(long rva) {
        long at = frameRva(rva);
        return functions.stream().filter(f -> at >= f.begin() && at < f.end()).findFirst();
    }

    /** {@code rva} itself, or for an address inside a cold stub the check site whose frame it runs in. */
    public long frameRva(long rva) {
        return inlineStubs.stream().filter(s -> rva >= s.begin() && rva < s.end()).mapToLong(InlineStub::checkRva)
                .findFirst().orElse(rva);
    }

    /** The last FrameData record starting at or before {@code rva} inside the function holding it. */
    public Optional<FrameData> frameDataAt(long address) {
        long rva = frameRva(address);
        Optional<Function> f = functionAt(rva);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        FrameData best = null;
        for (FrameData d : frameData) {
            if (d.rva() >= f.get().begin() && d.rva() <= rva && rva < d.rva() + d.codeSize()
                    && (best == null || d.rva() > best.rva())) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Bytes of arguments the function at {@code beginRva} pops (stdcall), from its first FrameData record. */
    public int paramsSize(long beginRva) {
        return frameData.stream().filter(d -> d.rva() == beginRva).mapToInt(FrameData::paramsSize).findFirst()
                .orElse(0);
    }
}
