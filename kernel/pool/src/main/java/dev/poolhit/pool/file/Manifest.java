package dev.poolhit.pool.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.AddressStyle;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** The {@code manifest.json} and {@code end.json} codec (TRACE-FORMAT.md). */
final class Manifest {
    static final String FORMAT = "poolhit-trace";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifest() {}

    static byte[] encode(TraceInfo info, Instant created) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("format_version", VERSION);
        n.put("created", created.toString());
        n.put("source", info.source());
        n.put("target_version", info.targetVersion());
        if (info.tag() == null) {
            n.putNull("tag");
        } else {
            n.put("tag", info.tag().hex());
        }
        StringBuilder started = new StringBuilder();
        Fields.appendInstant(started, info.started());
        n.put("started", started.toString());
        n.put("pointer_bits", info.addressStyle().pointerBits());
        n.put("entries", "modules-NNNNNN.csv, stacks-NNNNNN.csv, hits-NNNNNN.csv in order;"
                + " symbols.csv and end.json once closed; see TRACE-FORMAT.md");
        return bytes(n);
    }

    static byte[] encodeEnd(int hits, int stacks, int modules, Instant closed) {
        ObjectNode n = JSON.createObjectNode();
        n.put("hits", hits);
        n.put("stacks", stacks);
        n.put("modules", modules);
        n.put("closed", closed.toString());
        return bytes(n);
    }

    /** The trace description; {@code what} names the file for messages. */
    static TraceInfo decode(byte[] json, String what) {
        JsonNode n = tree(json, what + " manifest.json");
        String format = n.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new Fields.BadField("manifest.json: format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = n.path("format_version").asInt(-1);
        if (version != VERSION) {
            throw new Fields.BadField("manifest.json: format_version: expected " + VERSION + ", found "
                    + n.path("format_version") + " (written by a newer PoolHit?)");
        }
        PoolTag tag = null;
        String tagText = n.path("tag").asText("");
        if (!n.path("tag").isNull() && !tagText.isEmpty()) {
            try {
                tag = PoolTag.of((int) HexText.parse(tagText, 0, tagText.length()));
            } catch (NumberFormatException e) {
                throw new Fields.BadField("manifest.json: tag: expected 0x and 8 hex digits, found \"" + tagText + "\"");
            }
        }
        Fields started = new Fields(List.of("started"), List.of(n.path("started").asText("")));
        return new TraceInfo(n.path("source").asText(""), n.path("target_version").asText(Missing.TEXT),
                tag, started.instant(0), addressStyle(n.path("pointer_bits")));
    }

    /** Files written before x86 targets have no {@code pointer_bits}: they are x64 traces. */
    private static AddressStyle addressStyle(JsonNode bits) {
        if (bits.isMissingNode()) {
            return AddressStyle.X64;
        }
        if (!bits.isInt() || (bits.asInt() != 32 && bits.asInt() != 64)) {
            throw new Fields.BadField("manifest.json: pointer_bits: expected 32 or 64, found " + bits);
        }
        return AddressStyle.ofPointerBits(bits.asInt());
    }

    /** The hit count promised by {@code end.json}. */
    static int endHits(byte[] json, String what) {
        JsonNode n = tree(json, what + " end.json");
        if (!n.path("hits").canConvertToInt()) {
            throw new Fields.BadField("end.json: hits: expected a number, found " + n.path("hits"));
        }
        return n.path("hits").asInt();
    }

    private static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new Fields.BadField(what + ": expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Fields.BadField(what + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Fields.BadField(what + ": not readable: " + e.getMessage());
        }
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }
}
