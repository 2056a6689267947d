package dev.poolhit.sim.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.sim.Architecture;
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

    /** Loads the x64 set from the classpath: the {@code poolhit-sim-images} jar, through its {@code SimImages}. */
    public static ImageSet fromClasspath() {
        return fromClasspath(Architecture.X64);
    }

    /** Loads the set of {@code architecture} from the classpath ({@code SimImages.x64()} or {@code x86()}). */
    public static ImageSet fromClasspath(Architecture architecture) {
        SimImages set = architecture == Architecture.X86 ? SimImages.x86() : SimImages.x64();
        return load(set::bytes);
    }

    /** X86 when the manifest was built for i686 (names undecorated, frame facts present), else X64. */
    public Architecture architecture() {
        return images.isEmpty() || images.get(0).x86() == null ? Architecture.X64 : Architecture.X86;
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
            boolean x86 = root.path("toolchain").path("target").asText("").startsWith("i686");
            List<ManifestImage> images = new ArrayList<>();
            Map<String, byte[]> files = new HashMap<>();
            for (JsonNode i : root.path("images")) {
                ManifestImage image = ManifestJson.image(i, x86);
                images.add(image);
                files.put(image.file(), source.read(image.file()));
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (JsonNode s : root.path("scenarios")) {
                scenarios.add(ManifestJson.scenario(s, x86));
            }
            return new ImageSet(images, files, scenarios);
        } catch (IOException e) {
            throw new ImageFormatException("cannot read the images manifest: " + e.getMessage(), e);
        }
    }
}
