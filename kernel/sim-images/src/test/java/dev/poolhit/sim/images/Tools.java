package dev.poolhit.sim.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the LLVM/clang command-line tools for tests, and copies the image set to a directory. */
final class Tools {
    private Tools() {
    }

    /** True when every named tool is an executable on PATH. */
    static boolean onPath(String... tools) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(tools).allMatch(tool -> Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))));
    }

    /** Runs a command in a directory and returns its standard output; fails on a non-zero exit. */
    static String run(Path directory, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Path stderr = Files.createTempFile("sim-images-tool", ".err");
            Process process = new ProcessBuilder(line).directory(directory.toFile())
                    .redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String err = Files.readString(stderr);
            Files.delete(stderr);
            if (exit != 0) {
                throw new AssertionError("command failed: expected exit 0, actual " + exit + " (" + line + "): " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("running " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + line, e);
        }
    }

    /** Writes every file of the x64 set into the directory. */
    static void extractX64(Path directory) throws IOException {
        for (String name : SimImages.x64().fileNames()) {
            Files.write(directory.resolve(name), SimImages.x64().bytes(name));
        }
    }
}
