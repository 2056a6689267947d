package dev.poolhit.kd.transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * SerialTransport over two real pseudo-terminals joined by a tiny relay (a software null-modem
 * cable, like {@code socat pty,raw pty,raw}), so stty and the tty device files are exercised.
 * Skips where python3, stty or /dev/ptmx are missing.
 */
class SerialPtyContractTest extends AbstractLinkContractTest {
    static final String RELAY = String.join("\n",
            "import os, pty, select, sys",
            "m1, s1 = pty.openpty(); m2, s2 = pty.openpty()",
            "print(os.ttyname(s1), os.ttyname(s2), flush=True)",
            "peer = {m1: m2, m2: m1}",
            "while True:",
            "    r, _, _ = select.select([m1, m2, sys.stdin], [], [])",
            "    if sys.stdin in r and not sys.stdin.read(1): break",
            "    for m in (m1, m2):",
            "        if m in r:",
            "            try: data = os.read(m, 65536)",
            "            except OSError: continue",
            "            view = memoryview(data)",
            "            while view: view = view[os.write(peer[m], view):]",
            "");

    @Override
    boolean peerSeesClose() {
        return false; // the relay keeps both slaves open, as a real cable would
    }

    @Override
    Ends open() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/ptmx")), "no /dev/ptmx");
        Process relay;
        try {
            relay = new ProcessBuilder("python3", "-c", RELAY).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 not available: " + e.getMessage());
            return null;
        }
        String[] names = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))
                .readLine().split(" ");
        SerialTransport a = SerialTransport.open(names[0], 115200);
        SerialTransport b = SerialTransport.open(names[1], 115200);
        return new Ends(a, b, () -> {
            relay.getOutputStream().close();
            relay.destroy();
            a.close();
            b.close();
        });
    }
}
