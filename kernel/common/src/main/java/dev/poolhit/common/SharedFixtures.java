package dev.poolhit.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates third-party test data in {@code ../shared/fixtures}, beside the repository. Such files
 * are read from there and never copied into the repository, so a user's clone without
 * {@code ../shared} must still pass: tests call {@link #find} and skip when it is empty.
 *
 * <p>The repository root comes from the {@code poolhit.repo} system property (set by the build)
 * and falls back to the working directory and its parents.
 */
public final class SharedFixtures {
    private SharedFixtures() {}

    /** The fixture at {@code relative} (e.g. {@code "kdnet/windbg-uncut.pcapng.gz"}), if present. */
    public static Optional<Path> find(String relative) {
        for (Path root : candidateRoots()) {
            Path p = root.resolve("../shared/fixtures").resolve(relative).normalize();
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path[] candidateRoots() {
        String repo = System.getProperty("poolhit.repo");
        Path cwd = Path.of("").toAbsolutePath();
        Path parent = cwd.getParent() == null ? cwd : cwd.getParent();
        Path grandparent = parent.getParent() == null ? parent : parent.getParent();
        return repo == null || repo.isBlank()
                ? new Path[] {cwd, parent, grandparent}
                : new Path[] {Path.of(repo).toAbsolutePath(), cwd, parent, grandparent};
    }
}
