package dev.poolhit.kd.capture;

import dev.poolhit.common.SharedFixtures;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.transport.kdnet.KdnetDatagram;
import dev.poolhit.kd.transport.kdnet.KdnetHandshake;
import dev.poolhit.kd.transport.kdnet.KdnetKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LEK capture (a real WinDbg / Windows 10 boot debugger KDNET session, key "8.8.8.8") decoded
 * with this module's KDNET code: handshake, data key, then every data datagram's body, which is
 * one KD packet without trailer. Frame numbers are pcap's (1-based).
 */
public final class KdnetCapture {
    static final String FIXTURE = "kdnet/windbg-uncut.pcapng.gz";
    static final KdnetKey KEY = KdnetKey.parse("8.8.8.8");
    static final String HOST = "192.168.2.1";

    public record Body(int frame, boolean fromHost, byte[] bytes) {}

    private static List<Body> cached;

    private KdnetCapture() {}

    public static Optional<Path> fixture() {
        return SharedFixtures.find(FIXTURE);
    }

    public static synchronized List<Body> bodies() throws IOException, KdProtocolException {
        if (cached == null) {
            cached = decode(fixture().orElseThrow());
        }
        return cached;
    }

    private static List<Body> decode(Path file) throws IOException, KdProtocolException {
        List<Body> out = new ArrayList<>();
        byte[] dataKey = null;
        for (Pcapng.Frame f : Pcapng.readGzip(file)) {
            Pcapng.Udp udp = Pcapng.udp(f);
            if (udp == null) {
                continue;
            }
            byte[] p = udp.payload();
            boolean fromHost = udp.source().equals(HOST);
            if (KdnetDatagram.channelOf(p) == KdnetDatagram.CHANNEL_CONTROL) {
                KdnetDatagram d = KdnetDatagram.decrypt(p, KEY.controlKey(), KEY.hmacKey());
                if (fromHost && dataKey == null) {
                    dataKey = KEY.dataKey(d.body());
                }
                continue;
            }
            if (dataKey == null) {
                throw new IllegalStateException("data datagram before the handshake in frame " + f.number());
            }
            out.add(new Body(f.number(), fromHost, KdnetDatagram.decrypt(p, dataKey, KEY.hmacKey()).body()));
        }
        return out;
    }

    /** Control and handshake bodies are checked by this helper (used by a test). */
    static byte[] clientRandomOfFirstPoke() throws IOException, KdProtocolException {
        for (Pcapng.Frame f : Pcapng.readGzip(fixture().orElseThrow())) {
            Pcapng.Udp udp = Pcapng.udp(f);
            if (udp != null && KdnetDatagram.channelOf(udp.payload()) == KdnetDatagram.CHANNEL_CONTROL) {
                return KdnetHandshake.clientRandom(
                        KdnetDatagram.decrypt(udp.payload(), KEY.controlKey(), KEY.hmacKey()).body());
            }
        }
        throw new IllegalStateException("no poke in capture");
    }
}
