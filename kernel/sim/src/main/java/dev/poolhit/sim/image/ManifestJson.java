package dev.poolhit.sim.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes manifest JSON nodes; numbers may be JSON numbers or "0x..." strings. */
final class ManifestJson {
    private ManifestJson() {}

    static ManifestImage image(JsonNode i) {
        Map<String, Long> publics = new HashMap<>();
        i.path("publics").fields().forEachRemaining(e -> publics.put(e.getKey(), number(e.getValue(), e.getKey())));
        return new ManifestImage(text(i, "name"), text(i, "file"), text(i, "kind"), number(i.path("base"), "base"),
                publics);
    }

    static Scenario scenario(JsonNode s) {
        List<ScenarioFrame> frames = new ArrayList<>();
        for (JsonNode f : s.path("frames")) {
            frames.add(new ScenarioFrame(text(f, "image"), text(f, "function"), number(f.path("functionRva"), "functionRva"),
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
