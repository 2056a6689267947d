package dev.poolhit.jupyter.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Jupyter's kernelspec directories, as jupyter_client documents them (docs/kernels.rst). */
final class KernelDirs {
    private KernelDirs() {
    }

    /**
     * The home directory Jupyter itself uses: Python's {@code expanduser("~")} reads $HOME on POSIX
     * (USERPROFILE on Windows) before the password database, whereas Java's {@code user.home} comes
     * from the password database only. They differ under {@code sudo -E}, in containers and with
     * a changed HOME, and the kernel must land where Jupyter looks.
     */
    static Path home(Map<String, String> env, String osName, String userHome) {
        String variable = osName.toLowerCase(Locale.ROOT).contains("win") ? "USERPROFILE" : "HOME";
        String fromEnv = env.get(variable);
        return Path.of(fromEnv == null || fromEnv.isBlank() ? userHome : fromEnv);
    }

    /** The per-user kernels directory: $JUPYTER_DATA_DIR/kernels, else the OS default. */
    static Path user(Map<String, String> env, String osName, Path home) {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString());
            return Path.of(appData, "jupyter", "kernels");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return data.resolve("jupyter/kernels");
    }

    /** {@code P/share/jupyter/kernels}. */
    static Path prefix(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /** Every directory Jupyter searches, user first: user, $JUPYTER_PATH entries, system. */
    static List<Path> searchPath(Map<String, String> env, String osName, Path home) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(user(env, osName, home));
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry, "kernels"));
                }
            }
        }
        dirs.add(Path.of("/usr/local/share/jupyter/kernels"));
        dirs.add(Path.of("/usr/share/jupyter/kernels"));
        return dirs;
    }
}
