package dev.poolhit.sim.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.images.SimImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-side x86 stack walker written from kd-protocol.md 12.7 and the x86 images README, reading
 * the manifest JSON directly (not the simulator's X86Code): FrameData programs evaluated as RPN
 * with .raSearch = ESP + callee ParamsSize + LocalSize + SavedRegsSize, lookups at RetAddr - 1,
 * cold stubs in their parent's frame, trap entries through the KTRAP_FRAME at EBP, leaves by [ESP],
 * and a short scan for functions without FrameData. Returns the frames' EIPs, innermost first.
 */
final class X86Walker {
    private static final String[] OUTERMOST = {"_RtlUserThreadStart@8", "_KiThreadStartup@0", "_KiIdleLoop@0"};

    private record Fn(String name, long begin, long end, String kind) {}

    private record Fd(long begin, long end, int locals, int params, int saved, String program) {}

    private final List<Fn> functions = new ArrayList<>();
    private final List<Fd> frameData = new ArrayList<>();
    private final Map<Long, Long> stubs = new HashMap<>();
    private final Machine machine;

    X86Walker(Machine machine) {
        this.machine = machine;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(SimImages.x86().manifestJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode image : root.path("images")) {
            long base = Long.decode(image.path("base").asText());
            image.path("functions").forEach(f -> functions.add(new Fn(f.path("name").asText(),
                    base + f.path("begin").asLong(), base + f.path("end").asLong(), f.path("frameKind").asText())));
            image.path("frameData").forEach(d -> frameData.add(new Fd(base + d.path("rva").asLong(),
                    base + d.path("rva").asLong() + d.path("codeSize").asLong(), d.path("localSize").asInt(),
                    d.path("paramsSize").asInt(), d.path("savedRegsSize").asInt(), d.path("program").asText())));
            for (JsonNode b : image.path("breakSites")) {
                if (b.hasNonNull("stubBegin")) {
                    for (long a = b.path("stubBegin").asLong(); a < b.path("stubEnd").asLong(); a++) {
                        stubs.put(base + a, base + b.path("checkRva").asLong());
                    }
                }
            }
        }
    }

    List<Long> walk(long eip, long esp, long ebp) {
        List<Long> out = new ArrayList<>();
        int calleeParams = 0;
        for (int depth = 0; depth < 40 && eip != 0; depth++) {
            out.add(eip);
            long at = stubs.getOrDefault(eip, depth == 0 ? eip : eip - 1);
            Fn fn = functionAt(at);
            if (fn == null) {
                throw new AssertionError("no function at " + Long.toHexString(eip) + " after " + hex(out));
            }
            if (List.of(OUTERMOST).contains(fn.name())) {
                break;
            }
            Fd fd = frameDataAt(fn, at);
            long[] next;
            if ("trap".equals(fn.kind())) {
                boolean user = (u32(ebp + 0x6c) & 1) != 0;
                next = new long[] {u32(ebp + 0x68), user ? u32(ebp + 0x74) : ebp + 0x74, u32(ebp + 0x60)};
            } else if ("leaf".equals(fn.kind())) {
                next = new long[] {u32(esp), esp + 4, ebp};
            } else if (fd == null) {
                long slot = scan(esp);
                next = new long[] {u32(slot), slot + 4, ebp};
            } else {
                next = run(fd, esp + calleeParams + fd.locals() + fd.saved(), esp, ebp);
            }
            calleeParams = paramsOf(fn);
            eip = next[0];
            esp = next[1];
            ebp = next[2];
        }
        return out;
    }

    /** Evaluates a FrameData program; returns the caller's {eip, esp, ebp}. */
    private long[] run(Fd fd, long raSearch, long esp, long ebp) {
        Map<String, Long> vars = new HashMap<>(Map.of("$esp", esp, "$ebp", ebp, ".raSearch", raSearch));
        Deque<Object> stack = new ArrayDeque<>();
        for (String t : fd.program().trim().split("\\s+")) {
            switch (t) {
                case "+", "-", "@" -> {
                    long b = value(stack.pop(), vars);
                    long a = value(stack.pop(), vars);
                    stack.push(t.equals("+") ? a + b : t.equals("-") ? a - b : a & -b);
                }
                case "^" -> stack.push(u32(value(stack.pop(), vars)));
                case "=" -> {
                    long v = value(stack.pop(), vars);
                    vars.put((String) stack.pop(), v);
                }
                default -> stack.push(t.matches("-?\\d+") ? (Object) Long.parseLong(t) : t);
            }
        }
        return new long[] {vars.get("$eip"), vars.get("$esp"), vars.get("$ebp")};
    }

    private static long value(Object o, Map<String, Long> vars) {
        if (o instanceof Long l) {
            return l;
        }
        Long v = vars.get((String) o);
        if (v == null) {
            throw new AssertionError("program reads unset " + o);
        }
        return v;
    }

    /** First stack slot (of 16) holding an address inside a known function: the return address. */
    private long scan(long esp) {
        for (long at = esp; at < esp + 64; at += 4) {
            if (functionAt(u32(at) - 1) != null) {
                return at;
            }
        }
        throw new AssertionError("no return address near " + Long.toHexString(esp));
    }

    private Fn functionAt(long address) {
        return functions.stream().filter(f -> address >= f.begin() && address < f.end()).findFirst().orElse(null);
    }

    private Fd frameDataAt(Fn fn, long address) {
        Fd best = null;
        for (Fd d : frameData) {
            if (d.begin() >= fn.begin() && d.begin() <= address && address < d.end()
                    && (best == null || d.begin() > best.begin())) {
                best = d;
            }
        }
        return best;
    }

    /** Bytes the function pops: its FrameData's ParamsSize, else the {@code @N} of its stdcall name. */
    private int paramsOf(Fn fn) {
        return frameData.stream().filter(d -> d.begin() == fn.begin()).mapToInt(Fd::params).findFirst()
                .orElseGet(() -> fn.name().matches("_.*@\\d+") ? Integer.parseInt(fn.name()
                        .substring(fn.name().lastIndexOf('@') + 1)) : 0);
    }

    private long u32(long address) {
        byte[] b = new byte[4];
        if (machine.readVirtual(address & 0xffffffffL, b, 0, 4) != 4) {
            throw new AssertionError("stack read outside memory at " + Long.toHexString(address));
        }
        return LittleEndian.u32(b, 0);
    }

    private static String hex(List<Long> values) {
        return values.stream().map(Long::toHexString).toList().toString();
    }
}
