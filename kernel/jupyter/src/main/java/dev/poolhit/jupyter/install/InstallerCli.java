package dev.poolhit.jupyter.install;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code install}, {@code uninstall} and {@code list} of the kernel jar. Exit codes: 0 done,
 * 1 failed (the message says why), 2 bad command line.
 */
public final class InstallerCli {
    static final String DEFAULT_NAME = "poolhit";
    static final String USAGE = """
            usage: java -jar poolhit-kernel.jar <connection_file>      run the kernel (Jupyter does this)
                   java -jar poolhit-kernel.jar install [--user | --prefix P | --path DIR] [--name N]
                                                        [--display-name TEXT] [--replace] [--java PATH]
                                                        [--jvm-opt OPTION]...
                   java -jar poolhit-kernel.jar uninstall [--user | --prefix P | --path DIR] [--name N]
                   java -jar poolhit-kernel.jar list
            --user (default) installs for this user; --path DIR uses DIR as the kernels directory.
            The default kernel name is poolhit.""";

    private InstallerCli() {
    }

    public static int usage(PrintStream out, int code) {
        out.println(USAGE);
        return code;
    }

    /** Runs {@code command} with {@code args}, printing results and errors to {@code out}. */
    public static int run(String command, String[] args, PrintStream out) {
        try {
            InstallOptions options = InstallOptions.parse(command, args, System.getenv());
            return switch (command) {
                case "install" -> install(options, out);
                case "uninstall" -> uninstall(options, out);
                case "list" -> list(options, out);
                default -> usage(out, 0);
            };
        } catch (IllegalArgumentException e) {
            out.println("poolhit: " + e.getMessage());
            return usage(out, 2);
        } catch (InstallException e) {
            out.println("poolhit: error: " + e.getMessage());
            return 1;
        }
    }

    private static int install(InstallOptions o, PrintStream out) throws InstallException {
        Path jar = o.jar() != null ? o.jar() : runningJar();
        KernelSpec spec = new KernelSpec(o.java(), o.displayName(), o.jvmOptions());
        Path dir = new KernelSpecInstaller().install(o.kernelsDir(), o.name(), o.replace(), jar, spec);
        out.println("Installed Jupyter kernel '" + KernelSpecInstaller.checkName(o.name()) + "' in "
                + dir.toAbsolutePath());
        out.println("  java: " + o.java());
        out.println("Check with: jupyter kernelspec list");
        return 0;
    }

    private static int uninstall(InstallOptions o, PrintStream out) throws InstallException {
        Path dir = new KernelSpecInstaller().uninstall(o.kernelsDir(), o.name());
        out.println("Removed " + dir.toAbsolutePath());
        return 0;
    }

    private static int list(InstallOptions o, PrintStream out) {
        List<KernelSpecInstaller.Installed> found = new KernelSpecInstaller().list(o.searchPath());
        if (found.isEmpty()) {
            out.println("No PoolHit kernel installed (java -jar poolhit-kernel.jar install)");
        }
        for (KernelSpecInstaller.Installed k : found) {
            out.println(k.name() + "  " + k.version() + "  " + k.directory().toAbsolutePath());
        }
        return 0;
    }

    private static Path runningJar() throws InstallException {
        try {
            Path location = Path.of(InstallerCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new InstallException("install must run from the kernel jar, not from " + location
                        + " (build it with mvn package, or pass --jar PATH)");
            }
            return location;
        } catch (URISyntaxException | SecurityException e) {
            throw new InstallException("cannot locate the running kernel jar: " + e.getMessage(), e);
        }
    }
}
