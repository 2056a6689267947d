package dev.poolhit.sim.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.sim.images.SimImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The images the machine boots from: the manifest ({@code manifest.json} of module
 * {@code poolhit-sim-images}) and each image's file bytes. Only what the simulator uses is read;
 * unknown manifest fields are ignored so the images can grow.
 */
public record ImageSet(List<ManifestImage> images, Map<String, byte[]> files, List<Scenario> scenarios) {
    public ImageSet {
        images = List.copyOf(images);
        files = Map.copyOf(files);
        scenarios = List.copyOf(scenarios);
    }

    /** Loads from the classpath: the {@code poolhit-sim-images} jar, through its {@code SimImages}. */
    public static ImageSet fromClasspath() {
        SimImages x64 = SimImages.x64();
        return load(x64::bytes);
    }

    /** Loads from a directory holding manifest.json and the image files (e.g. a build.sh --out DIR). */
    public static ImageSet fromDirectory(Path dir) {
        return load(name -> Files.readAllBytes(dir.resolve(name)));
    }

    public ManifestImage image(String name) {
        return images.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new ImageFormatException("manifest has no image named " + name));
    }

    public Scenario scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ImageFormatException("manifest has no scenario named " + name));
    }

    private interface Source {
        byte[] read(String name) throws IOException;
    }

    private static ImageSet load(Source source) {
        try {
            JsonNode root = new ObjectMapper().readTree(source.read("manifest.json"));
            List<ManifestImage> images = new ArrayList<>();
            Map<String, byte[]> files = new HashMap<>();
            for (JsonNode i : root.path("images")) {
                ManifestImage image = ManifestJson.image(i);
                images.add(image);
                files.put(image.file(), source.read(image.file()));
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (JsonNode s : root.path("scenarios")) {
                scenarios.add(ManifestJson.scenario(s));
            }
            return new ImageSet(images, files, scenarios);
        } catch (IOException e) {
            throw new ImageFormatException("cannot read the images manifest: " + e.getMessage(), e);
        }
    }
}
