package dev.poolhit.jupyter.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parsed command line of install / uninstall / list. Bad options throw
 * {@link IllegalArgumentException} with the exact problem, e.g. {@code --prefix needs a value}.
 *
 * @param kernelsDir  where kernelspecs go (from --user, --prefix or --path)
 * @param searchPath  where {@code list} looks
 * @param name        kernel name (default poolhit)
 * @param displayName menu name
 * @param replace     overwrite an existing spec
 * @param java        absolute java launcher written into argv
 * @param jar         jar to copy (default: the running jar)
 * @param jvmOptions  extra JVM options
 */
record InstallOptions(Path kernelsDir, List<Path> searchPath, String name, String displayName, boolean replace,
                      String java, Path jar, List<String> jvmOptions) {

    static InstallOptions parse(String command, String[] args, Map<String, String> env) {
        String os = System.getProperty("os.name");
        Path home = KernelDirs.home(env, os, System.getProperty("user.home"));
        Path dir = KernelDirs.user(env, os, home);
        String location = null;
        String name = InstallerCli.DEFAULT_NAME;
        String displayName = "PoolHit (Java " + Runtime.version().feature() + ")";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString();
        Path jar = null;
        boolean replace = false;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--user" -> location = once(location, a);
                case "--prefix" -> {
                    location = once(location, a);
                    dir = KernelDirs.prefix(Path.of(value(args, ++i, a)));
                }
                case "--path" -> {
                    location = once(location, a);
                    dir = Path.of(value(args, ++i, a));
                }
                case "--name" -> name = value(args, ++i, a);
                case "--display-name" -> displayName = value(args, ++i, a);
                case "--java" -> java = Path.of(value(args, ++i, a)).toAbsolutePath().toString();
                case "--jar" -> jar = Path.of(value(args, ++i, a));
                case "--jvm-opt" -> jvmOptions.add(value(args, ++i, a));
                case "--replace" -> replace = true;
                default -> throw new IllegalArgumentException("unknown option for " + command + ": " + a);
            }
        }
        List<Path> search = new ArrayList<>(KernelDirs.searchPath(env, os, home));
        if (location != null && !search.contains(dir)) {
            search.add(0, dir);
        }
        return new InstallOptions(dir, search, name, displayName, replace, java, jar, jvmOptions);
    }

    private static String once(String previous, String option) {
        if (previous != null) {
            throw new IllegalArgumentException(previous + " and " + option + " cannot be combined");
        }
        return option;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
