package dev.poolhit.sim.machine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal x64 unwinder written for the tests from the manifest's per-function frameSize, saves,
 * frame register and machine-frame flag only (not from the simulator's unwind reader): establisher
 * = RSP, or frame register - its offset; saves restore from establisher + offset; the return
 * address sits at establisher + frameSize, or a machine frame does (RIP at +0, RSP at +0x18).
 * No .pdata entry (or RIP at an unchained function's first byte) means a leaf: RIP = [RSP].
 */
final class ManifestUnwinder {
    private static final String[] REGS = {"RAX", "RCX", "RDX", "RBX", "RSP", "RBP", "RSI", "RDI",
            "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"};

    private final TestReader read;

    ManifestUnwinder(TestReader read) {
        this.read = read;
    }

    /** Instruction pointers from the stop inward-out: RIP, then each return address until 0. */
    List<Long> walk(Context context) {
        long[] regs = context.gprs();
        long rip = context.rip();
        List<Long> ips = new ArrayList<>();
        for (int depth = 0; rip != 0 && depth < 64; depth++) {
            ips.add(rip);
            JsonNode f = function(rip);
            long rsp = regs[4];
            if (f == null) {
                rip = read.u64(rsp);
                regs[4] = rsp + 8;
                continue;
            }
            long est = f.path("frameRegister").isNull() ? rsp
                    : regs[index(f.path("frameRegister").asText())] - f.path("frameRegisterOffset").asLong();
            for (JsonNode save : f.path("saves")) {
                int r = index(save.path("register").asText());
                if (r >= 0) {
                    regs[r] = read.u64(est + save.path("offset").asLong());
                }
            }
            long top = est + f.path("frameSize").asLong();
            if (f.path("machineFrame").asBoolean()) {
                rip = read.u64(top);
                regs[4] = read.u64(top + 0x18);
            } else {
                rip = read.u64(top);
                regs[4] = top + 8;
            }
        }
        return ips;
    }

    /** The manifest function covering {@code rip} (its parent when chained); null for a leaf or a first byte. */
    private static JsonNode function(long rip) {
        for (JsonNode image : ManifestView.images()) {
            long base = ManifestView.base(image);
            long rva = rip - base;
            if (rva < 0 || rva >= image.path("sizeOfImage").asLong()) {
                continue;
            }
            for (JsonNode f : image.path("functions")) {
                if (rva >= f.path("begin").asLong() && rva < f.path("end").asLong()) {
                    if (rva == f.path("begin").asLong() && f.path("chainedTo").isNull()) {
                        return null; // first instruction: the prolog has not run (a chained stub has no prolog)
                    }
                    return f.path("chainedTo").isNull() ? f : byBegin(image, f.path("chainedTo").asLong(), f);
                }
            }
        }
        return null;
    }

    private static JsonNode byBegin(JsonNode image, long begin, JsonNode fallback) {
        for (JsonNode f : image.path("functions")) {
            if (f.path("begin").asLong() == begin) {
                return f.path("frameRegister").isNull() ? fallback : f;
            }
        }
        return fallback;
    }

    private static int index(String register) {
        for (int i = 0; i < REGS.length; i++) {
            if (REGS[i].equals(register)) {
                return i;
            }
        }
        return -1;
    }
}
