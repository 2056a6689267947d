package dev.poolhit.kd.transport;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A serial device on a POSIX system (Linux {@code /dev/ttyS0}, {@code /dev/ttyUSB0}, a pty),
 * opened as a file after setting the line to raw 8N1 with {@code stty}. No native library: the JDK
 * cannot set baud rates, and the one external process call is the documented price of staying
 * dependency-free (README "Serial"). Closing may not interrupt a read blocked in the kernel; the
 * reader thread is a daemon and ends with the next byte or the process.
 */
public final class SerialTransport extends StreamTransport {
    public static final int DEFAULT_BAUD = 115200;

    private SerialTransport(FileInputStream in, FileOutputStream out, String description) {
        super(in, out, () -> {
            try (in; out) {
                // both closed by try-with-resources
            }
        }, description);
    }

    /** Configures {@code device} with stty (raw, 8N1, no flow control) and opens it. */
    public static SerialTransport open(String device, int baud) throws IOException {
        configure(device, baud);
        FileInputStream in = new FileInputStream(device);
        try {
            return new SerialTransport(in, new FileOutputStream(device), "serial:" + device + "," + baud);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    static void configure(String device, int baud) throws IOException {
        List<String> command = List.of("stty", "-F", device, Integer.toString(baud), "raw", "-echo", "cs8",
                "-cstopb", "-parenb", "-ixon", "-ixoff", "-crtscts", "clocal");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty did not finish for " + device);
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IOException("stty failed for " + device + " (exit " + p.exitValue() + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while configuring " + device);
        }
    }
}
