package dev.poolhit.sim.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes manifest JSON nodes; numbers may be JSON numbers or "0x..." strings. */
final class ManifestJson {
    private ManifestJson() {}

    /** @param x86 undecorate names (as WinDbg prints them) and read the x86 frame facts */
    static ManifestImage image(JsonNode i, boolean x86) {
        Map<String, Long> publics = new HashMap<>();
        i.path("publics").fields().forEachRemaining(e -> publics.put(x86 ? Undecorate.name(e.getKey()) : e.getKey(),
                number(e.getValue(), e.getKey())));
        return new ManifestImage(text(i, "name"), text(i, "file"), text(i, "kind"), number(i.path("base"), "base"),
                publics, x86 ? x86Code(i) : null);
    }

    private static X86Code x86Code(JsonNode i) {
        List<X86Code.Function> functions = new ArrayList<>();
        for (JsonNode f : i.path("functions")) {
            functions.add(new X86Code.Function(Undecorate.name(text(f, "name")), number(f.path("begin"), "begin"),
                    number(f.path("end"), "end"), text(f, "frameKind"), f.path("trapFrameEntryOffset").asInt(0)));
        }
        Map<Long, X86Code.CallSite> sites = new HashMap<>();
        for (JsonNode c : i.path("callSites")) {
            long ret = number(c.path("returnRva"), "returnRva");
            sites.put(ret, new X86Code.CallSite(ret, optionalInt(c.path("espDelta")), optionalInt(c.path("ebpDelta")),
                    calleePops(c.path("target").asText(""))));
        }
        List<X86Code.InlineStub> stubs = new ArrayList<>();
        for (JsonNode b : i.path("breakSites")) {
            if (b.hasNonNull("stubBegin") && b.hasNonNull("checkRva")) {
                stubs.add(new X86Code.InlineStub(number(b.path("stubBegin"), "stubBegin"),
                        number(b.path("stubEnd"), "stubEnd"), number(b.path("checkRva"), "checkRva")));
            }
        }
        List<X86Code.FrameData> data = new ArrayList<>();
        for (JsonNode d : i.path("frameData")) {
            data.add(new X86Code.FrameData(number(d.path("rva"), "rva"), number(d.path("codeSize"), "codeSize"),
                    d.path("localSize").asInt(), d.path("paramsSize").asInt(), d.path("savedRegsSize").asInt(),
                    d.path("program").asText("")));
        }
        return new X86Code(functions, sites, data, stubs);
    }

    /** Bytes a direct callee pops by its decorated name: {@code _F@N} N, {@code @F@N} N - 8 (ECX, EDX). */
    private static int calleePops(String target) {
        int at = target.lastIndexOf('@');
        if (at <= 0 || !target.substring(at + 1).matches("\\d+")) {
            return 0;
        }
        int bytes = Integer.parseInt(target.substring(at + 1));
        return target.startsWith("@") ? Math.max(0, bytes - 8) : bytes;
    }

    private static Integer optionalInt(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? null : v.asInt();
    }

    static Scenario scenario(JsonNode s, boolean x86) {
        List<ScenarioFrame> frames = new ArrayList<>();
        for (JsonNode f : s.path("frames")) {
            String function = x86 ? Undecorate.name(text(f, "function")) : text(f, "function");
            frames.add(new ScenarioFrame(text(f, "image"), function, number(f.path("functionRva"), "functionRva"),
                    text(f, "kind"), optional(f.path("returnRva")), optional(f.path("breakRva"))));
        }
        JsonNode tag = s.path("tag");
        return new Scenario(text(s, "name"), tag.isTextual() ? tag.asText() : null, text(s, "breakKind"),
                s.path("trigger").path("thread").asText(""), frames);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new ImageFormatException("manifest field missing: expected text \"" + field + "\", actual " + v);
        }
        return v.asText();
    }

    private static Long optional(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? null : number(v, "rva");
    }

    static long number(JsonNode v, String field) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().startsWith("0x")) {
            try {
                return Long.parseUnsignedLong(v.asText().substring(2), 16);
            } catch (NumberFormatException e) {
                throw new ImageFormatException("manifest number expected for \"" + field + "\", actual " + v, e);
            }
        }
        throw new ImageFormatException("manifest number expected for \"" + field + "\", actual " + v);
    }
}
