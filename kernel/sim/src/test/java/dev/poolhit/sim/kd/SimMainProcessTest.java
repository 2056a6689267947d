package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.transport.TcpTransport;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone launcher as a real subprocess: prints its port, serves one session, exits 0. */
class SimMainProcessTest {
    @TempDir
    Path dir;

    @Test
    void servesOneSessionAndExitsCleanly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimMain.class.getName(),
                "--port", "0", "--seed", "1", "--events-per-second", "0")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Future<String> line = executor.submit(stdout::readLine);
            int port = Integer.parseInt(line.get(60, TimeUnit.SECONDS).trim());
            try (Host host = new Host(TcpTransport.connect("127.0.0.1", port, Duration.ofSeconds(10)))) {
                assertEquals(NtStatus.STATUS_BREAKPOINT.code(), host.breakInAndConnect().exceptionRecord().code());
                GetVersion64 v = host.client.getVersion();
                assertEquals(GetVersion64.MACHINE_AMD64, v.machineType());
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher exits after the host hangs up");
            assertEquals(0, p.exitValue(), () -> "stderr: " + read(dir.resolve("stderr.txt")));
        } finally {
            p.destroyForcibly();
            executor.shutdownNow();
        }
    }

    @Test
    void badArgumentsNameTheOption() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = SimMain.run(new String[] {"--drop", "lots"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("error: bad value for --drop: expected a number, actual 'lots'\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
