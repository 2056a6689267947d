package dev.poolhit.jupyter.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecInstallerTest {
    @TempDir
    Path tmp;
    private Path jar;
    private Path kernels;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void fakeJar() throws IOException {
        jar = Files.write(tmp.resolve("poolhit-kernel.jar"), new byte[] {'P', 'K', 3, 4});
        kernels = tmp.resolve("jupyter/kernels");
    }

    private int cli(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (command.equals("install")) {
            all.addAll(List.of("--jar", jar.toString()));
        }
        return InstallerCli.run(command, all.toArray(String[]::new),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void installWritesAKernelJsonJupyterCanLaunch() throws IOException {
        assertEquals(0, cli("install", "--path", kernels.toString()));
        Path dir = kernels.resolve("poolhit");
        JsonNode spec = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>();
        spec.get("argv").forEach(a -> argv.add(a.asText()));
        assertTrue(Path.of(argv.get(0)).isAbsolute(), argv.get(0));
        assertTrue(Files.isExecutable(Path.of(argv.get(0))), argv.get(0));
        assertEquals(List.of("-Djava.awt.headless=true", "-jar", "{resource_dir}/kernel.jar", "{connection_file}"),
                argv.subList(1, argv.size()));
        assertEquals("message", spec.get("interrupt_mode").asText());
        assertEquals("java", spec.get("language").asText());
        assertEquals("0.1.0", spec.at("/metadata/poolhit/version").asText());
        assertTrue(Files.isRegularFile(dir.resolve("kernel.jar")));
        assertTrue(output().contains("Installed Jupyter kernel 'poolhit' in " + dir.toAbsolutePath()), output());
    }

    @Test
    void secondInstallNeedsReplace() {
        assertEquals(0, cli("install", "--path", kernels.toString(), "--name", "k1"));
        assertEquals(1, cli("install", "--path", kernels.toString(), "--name", "k1"));
        assertTrue(output().contains("poolhit: error: kernel 'k1' is already installed in "
                + kernels.resolve("k1") + "; add --replace to overwrite it"), output());
        assertEquals(0, cli("install", "--path", kernels.toString(), "--name", "k1", "--replace"));
    }

    @Test
    void namesFollowJupyterRulesAndAreLowerCased() throws InstallException {
        assertEquals("poolhit-2.x_y", KernelSpecInstaller.checkName("PoolHit-2.x_y"));
        InstallException e = assertThrows(InstallException.class, () -> KernelSpecInstaller.checkName("pool hit"));
        assertEquals("invalid kernel name 'pool hit': use only letters, digits, '.', '_' and '-'", e.getMessage());
        assertThrows(InstallException.class, () -> KernelSpecInstaller.checkName("../escape"));
        assertThrows(InstallException.class, () -> KernelSpecInstaller.checkName(""));
        assertEquals(1, cli("install", "--path", kernels.toString(), "--name", "a/b"));
        assertFalse(Files.exists(kernels.resolve("a")));
    }

    @Test
    void uninstallRemovesOnlyPoolHitSpecs() throws IOException {
        cli("install", "--path", kernels.toString());
        assertEquals(0, cli("uninstall", "--path", kernels.toString()));
        assertFalse(Files.exists(kernels.resolve("poolhit")));
        assertEquals(1, cli("uninstall", "--path", kernels.toString()));
        assertTrue(output().contains("poolhit: error: no kernel 'poolhit' in " + kernels), output());

        Path python = Files.createDirectories(kernels.resolve("python3"));
        Files.writeString(python.resolve("kernel.json"), "{\"argv\": [\"python3\"], \"language\": \"python\"}");
        InstallException e = assertThrows(InstallException.class,
                () -> new KernelSpecInstaller().uninstall(kernels, "python3"));
        assertEquals("refusing to remove " + python + ": its kernel.json is not a PoolHit kernelspec", e.getMessage());
        assertTrue(Files.exists(python.resolve("kernel.json")));
    }

    @Test
    void listFindsInstalledSpecsAndIgnoresOthers() throws IOException {
        cli("install", "--path", kernels.toString(), "--name", "b");
        cli("install", "--path", kernels.toString(), "--name", "a");
        Files.createDirectories(kernels.resolve("other"));
        List<KernelSpecInstaller.Installed> found = new KernelSpecInstaller().list(List.of(kernels, tmp.resolve("none")));
        assertEquals(List.of("a", "b"), found.stream().map(KernelSpecInstaller.Installed::name).toList());
    }

    @Test
    void userDirectoryFollowsJupyterDataDirThenOsDefaults() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/data/kernels"), KernelDirs.user(Map.of("JUPYTER_DATA_DIR", "/data"), "Linux", home));
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels"), KernelDirs.user(Map.of(), "Linux", home));
        assertEquals(Path.of("/home/u/Library/Jupyter/kernels"), KernelDirs.user(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("/p/share/jupyter/kernels"), KernelDirs.prefix(Path.of("/p")));
        // Jupyter (Python) takes the home directory from $HOME, not from the password database
        assertEquals(Path.of("/tmp/h"), KernelDirs.home(Map.of("HOME", "/tmp/h"), "Linux", "/root"));
        assertEquals(Path.of("/root"), KernelDirs.home(Map.of(), "Linux", "/root"));
        assertEquals(Path.of("C:/Users/u"), KernelDirs.home(Map.of("USERPROFILE", "C:/Users/u", "HOME", "/x"), "Windows 11", "C:/"));
    }

    @Test
    void badCommandLinesExitTwoWithTheProblem() {
        assertEquals(2, cli("install", "--path"));
        assertTrue(output().startsWith("poolhit: --path needs a value"), output());
        assertEquals(2, cli("install", "--user", "--path", "/x"));
        assertTrue(output().contains("poolhit: --user and --path cannot be combined"), output());
        assertEquals(2, cli("list", "--bogus"));
        assertTrue(output().contains("poolhit: unknown option for list: --bogus"), output());
    }
}
