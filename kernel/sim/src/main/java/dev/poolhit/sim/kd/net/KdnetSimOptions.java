package dev.poolhit.sim.kd.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How a simulated KDNET target reaches its host (as {@code bcdedit /dbgsettings net hostip:...
 * port:... key:...} configures a real one).
 *
 * @param host          the debugger's address and UDP port the target pokes
 * @param key           the KDNET key string {@code w.x.y.z}
 * @param pokeInterval  time between pokes on the injected clock (Windows: about 3 s)
 * @param faults        datagram loss / reorder / duplication, seeded
 */
public record KdnetSimOptions(InetSocketAddress host, String key, Duration pokeInterval, DatagramFaults faults) {
    public KdnetSimOptions {
        if (host == null || key == null || pokeInterval == null || pokeInterval.isNegative() || pokeInterval.isZero()
                || faults == null) {
            throw new IllegalArgumentException("host, key, a positive poke interval and faults are required");
        }
    }

    /** A host on this machine's loopback at {@code port}, key 1.2.3.4, a poke every 500 ms, no faults. */
    public static KdnetSimOptions loopback(int port) {
        return new KdnetSimOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "1.2.3.4",
                Duration.ofMillis(500), DatagramFaults.NONE);
    }

    /** A loopback UDP port free right now (the host binds it next; a race is possible but harmless in tests). */
    public static int freeLoopbackPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback UDP port", e);
        }
    }

    public KdnetSimOptions withFaults(DatagramFaults value) {
        return new KdnetSimOptions(host, key, pokeInterval, value);
    }

    public KdnetSimOptions withPokeInterval(Duration value) {
        return new KdnetSimOptions(host, key, value, faults);
    }

    public KdnetSimOptions withKey(String value) {
        return new KdnetSimOptions(host, value, pokeInterval, faults);
    }

    /** The spec the host passes to {@code KdTarget.open} / {@code %connect}. */
    public String hostSpec() {
        return "net:port=" + host.getPort() + ",key=" + key + ",host=" + host.getAddress().getHostAddress();
    }

    @Override
    public String toString() {
        return "KdnetSimOptions[" + host + ", key=***, poke " + pokeInterval.toMillis() + " ms, " + faults + "]";
    }
}
