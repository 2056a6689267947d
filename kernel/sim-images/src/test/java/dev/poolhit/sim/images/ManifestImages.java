package dev.poolhit.sim.images;

import com.fasterxml.jackson.databind.JsonNode;

/** Looks up an image of a manifest.json (x64 or x86) by its short name ({@code nt}, {@code myfault}). */
final class ManifestImages {
    private ManifestImages() {}

    static JsonNode image(JsonNode manifest, String name) {
        for (JsonNode image : manifest.get("images")) {
            if (image.get("name").asText().equals(name)) {
                return image;
            }
        }
        throw new AssertionError("no image " + name);
    }
}
