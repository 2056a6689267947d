package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.common.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The UDP payloads of the real WinDbg KDNET capture (kd-protocol.md 8.8), in order, with their
 * source address. Reads only what this capture has: little-endian pcapng, Ethernet + IPv4 + UDP
 * in enhanced packet blocks.
 */
final class CaptureDatagrams {
    static final String FIXTURE = "kdnet/windbg-uncut.pcapng.gz";
    static final String TARGET = "192.168.2.72";

    record Datagram(int frame, String source, byte[] udp) {
        boolean fromTarget() {
            return source.equals(TARGET);
        }
    }

    private CaptureDatagrams() {}

    static Optional<Path> fixture() {
        return SharedFixtures.find(FIXTURE);
    }

    static List<Datagram> read() throws IOException {
        byte[] file;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fixture().orElseThrow()))) {
            file = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Datagram> out = new ArrayList<>();
        int frame = 0;
        for (int at = 0; at + 12 <= file.length; at += b.getInt(at + 4)) {
            if (b.getInt(at) == 6) { // enhanced packet block
                frame++;
                Datagram d = udp(frame, Arrays.copyOfRange(file, at + 28, at + 28 + b.getInt(at + 20)));
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static Datagram udp(int frame, byte[] eth) {
        if (eth.length < 42 || eth[12] != 0x08 || eth[13] != 0 || eth[14 + 9] != 17) {
            return null;
        }
        int udp = 14 + (eth[14] & 0x0f) * 4;
        int length = ((eth[udp + 4] & 0xff) << 8 | (eth[udp + 5] & 0xff)) - 8;
        String source = (eth[26] & 0xff) + "." + (eth[27] & 0xff) + "." + (eth[28] & 0xff) + "." + (eth[29] & 0xff);
        return new Datagram(frame, source, Arrays.copyOfRange(eth, udp + 8, udp + 8 + length));
    }
}
