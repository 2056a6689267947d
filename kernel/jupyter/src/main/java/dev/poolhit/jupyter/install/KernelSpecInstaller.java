package dev.poolhit.jupyter.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes, finds and removes PoolHit kernelspecs: a directory {@code <kernels>/<name>} holding
 * kernel.json and a copy of the kernel jar. No Python involved.
 */
public final class KernelSpecInstaller {
    /** jupyter_client's rule: letters, digits, '.', '_' and '-'; names are case-insensitive. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    static final String VERSION = "0.1.0";

    /** One installed PoolHit kernelspec. */
    public record Installed(String name, Path directory, String version) {
    }

    /** Validates and lower-cases a kernel name. */
    public static String checkName(String name) throws InstallException {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(lower).matches()) {
            throw new InstallException("invalid kernel name '" + name
                    + "': use only letters, digits, '.', '_' and '-'");
        }
        return lower;
    }

    /** Installs into {@code kernelsDir/name}; an existing spec is replaced only when {@code replace}. */
    public Path install(Path kernelsDir, String name, boolean replace, Path jar, KernelSpec spec)
            throws InstallException {
        String kernelName = checkName(name);
        if (!Files.isRegularFile(jar)) {
            throw new InstallException("kernel jar not found: " + jar
                    + " (run install from the jar: java -jar poolhit-kernel.jar install)");
        }
        Path dir = kernelsDir.resolve(kernelName);
        if (Files.exists(dir) && !replace) {
            throw new InstallException("kernel '" + kernelName + "' is already installed in " + dir
                    + "; add --replace to overwrite it");
        }
        try {
            Files.createDirectories(dir);
            Path tmpJar = dir.resolve(KernelSpec.JAR_NAME + ".tmp");
            Files.copy(jar, tmpJar, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpJar, dir.resolve(KernelSpec.JAR_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("kernel.json"), spec.toJsonText(VERSION));
        } catch (IOException e) {
            throw new InstallException("cannot write kernelspec to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Removes {@code kernelsDir/name} if it is a PoolHit kernelspec. */
    public Path uninstall(Path kernelsDir, String name) throws InstallException {
        String kernelName = checkName(name);
        Path dir = kernelsDir.resolve(kernelName);
        if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
            throw new InstallException("no kernel '" + kernelName + "' in " + kernelsDir);
        }
        if (read(dir) == null) {
            throw new InstallException("refusing to remove " + dir + ": its kernel.json is not a PoolHit kernelspec");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new InstallException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** PoolHit kernelspecs in {@code kernelsDirs}, in search order. */
    public List<Installed> list(List<Path> kernelsDirs) {
        List<Installed> found = new ArrayList<>();
        for (Path kernels : kernelsDirs) {
            if (!Files.isDirectory(kernels)) {
                continue;
            }
            List<Path> dirs = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(kernels)) {
                entries.forEach(dirs::add);
                dirs.sort(null);
                for (Path dir : dirs) {
                    String version = read(dir);
                    if (version != null) {
                        found.add(new Installed(dir.getFileName().toString(), dir, version));
                    }
                }
            } catch (IOException e) {
                System.getLogger(KernelSpecInstaller.class.getName())
                        .log(System.Logger.Level.WARNING, "cannot list " + kernels + ": " + e.getMessage());
            }
        }
        return found;
    }

    /** The PoolHit version recorded in {@code dir/kernel.json}, or null when it is not ours. */
    private static String read(Path dir) {
        Path json = dir.resolve("kernel.json");
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            JsonNode marker = new ObjectMapper().readTree(json.toFile()).path("metadata").path(KernelSpec.MARKER);
            return marker.isMissingNode() ? null : marker.path("version").asText("?");
        } catch (IOException e) {
            return null; // unreadable kernel.json: not one of ours
        }
    }
}
