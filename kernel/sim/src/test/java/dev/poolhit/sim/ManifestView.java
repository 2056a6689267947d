package dev.poolhit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.sim.images.SimImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The images manifest read directly as JSON, independently of the simulator's own ImageSet. */
public final class ManifestView {
    private static JsonNode root;

    private ManifestView() {}

    public static synchronized JsonNode root() {
        if (root == null) {
            try {
                root = new ObjectMapper().readTree(SimImages.x64().manifestJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static List<JsonNode> images() {
        List<JsonNode> out = new ArrayList<>();
        root().path("images").forEach(out::add);
        return out;
    }

    public static JsonNode image(String name) {
        return images().stream().filter(i -> i.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    public static long base(JsonNode image) {
        return Long.parseUnsignedLong(image.path("base").asText().substring(2), 16);
    }

    public static long ntPublic(String name) {
        JsonNode nt = image("nt");
        return base(nt) + nt.path("publics").path(name).asLong();
    }

    public static byte[] file(JsonNode image) {
        return SimImages.x64().bytes(image.path("file").asText());
    }
}
