package dev.poolhit.sim.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The simulated target's compiled images on the classpath: x64 (and, through {@link #x86()}, x86) {@code ntoskrnl.exe},
 * {@code myfault.sys}, {@code ntdll.dll}, {@code leakyapp.exe}, their PDBs and
 * {@code manifest.json}, all built by {@code src/c/x64/build.sh} (see the README there).
 *
 * <pre>{@code
 * byte[] nt = SimImages.x64().bytes("ntoskrnl.exe");
 * String manifest = SimImages.x64().manifestJson();
 * }</pre>
 */
public final class SimImages {
    private static final String X64_DIRECTORY = "/dev/poolhit/sim/images/x64/";
    private static final String X86_DIRECTORY = "/dev/poolhit/sim/images/x86/";
    private static final String INDEX = "files.txt";
    private static final String MANIFEST = "manifest.json";
    private static final SimImages X64 = new SimImages(X64_DIRECTORY);
    private static final SimImages X86 = new SimImages(X86_DIRECTORY);

    private final String directory;

    private SimImages(String directory) {
        this.directory = directory;
    }

    /** The x64 image set. */
    public static SimImages x64() {
        return X64;
    }

    /**
     * The 32-bit x86 image set ({@code ntoskrnl.exe} with {@code ntkrnlpa.pdb}, {@code myfault.sys},
     * {@code ntdll.dll}, {@code leakyapp.exe}), built by {@code src/c/x86/build.sh}; its manifest adds
     * frame kinds, FrameData and per-call-site stack depths (README there).
     */
    public static SimImages x86() {
        return X86;
    }

    /** File names of the set (images, PDBs and manifest.json), in build order. */
    public List<String> fileNames() {
        String index = new String(bytes(INDEX), StandardCharsets.UTF_8);
        return index.lines().filter(line -> !line.isBlank()).toList();
    }

    /** Opens one file of the set; the caller closes the stream. */
    public InputStream open(String fileName) {
        InputStream in = SimImages.class.getResourceAsStream(directory + fileName);
        if (in == null) {
            throw new SimImagesException("sim image not found: expected one of " + indexOrEmpty()
                    + ", actual " + fileName + " (classpath " + directory + ")");
        }
        return in;
    }

    /** All bytes of one file of the set. */
    public byte[] bytes(String fileName) {
        try (InputStream in = open(fileName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading sim image " + directory + fileName, e);
        }
    }

    /** The manifest describing the images (schema in the README next to build.sh). */
    public String manifestJson() {
        return new String(bytes(MANIFEST), StandardCharsets.UTF_8);
    }

    private String indexOrEmpty() {
        InputStream index = SimImages.class.getResourceAsStream(directory + INDEX);
        if (index == null) {
            return "[]";
        }
        try (index) {
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + directory + INDEX, e);
        }
    }
}
