package dev.poolhit.jupyter;

import dev.poolhit.jupyter.install.InstallerCli;
import dev.poolhit.jupyter.kernel.KernelLauncher;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the fat jar: {@code java -jar poolhit-kernel.jar <connection_file>} runs the
 * kernel (Jupyter does this); {@code install}, {@code uninstall} and {@code list} manage the
 * kernelspec (see {@link InstallerCli}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // System.exit because JShell and ZeroMQ leave non-daemon threads behind.
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            return InstallerCli.usage(System.out, 2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "install", "uninstall", "list", "help", "--help", "-h" -> InstallerCli.run(args[0], rest, System.out);
            case "-f" -> rest.length == 1 ? KernelLauncher.run(Path.of(rest[0])) : InstallerCli.usage(System.out, 2);
            default -> args.length == 1 && !args[0].startsWith("-")
                    ? KernelLauncher.run(Path.of(args[0])) : InstallerCli.usage(System.out, 2);
        };
    }
}
