package dev.poolhit.kd.transport;

import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.kd.transport.kdnet.KdnetLink;
import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens a byte transport from the {@code %connect} spec syntax (product.md 4):
 * <ul>
 *   <li>{@code tcp:HOST:PORT} - connect to a VM serial port served over TCP</li>
 *   <li>{@code tcp-listen:PORT} - wait for a target stub to connect (loopback and all interfaces)</li>
 *   <li>{@code pipe:NAME} - Windows named pipe</li>
 *   <li>{@code serial:DEVICE[,BAUD]} - POSIX serial device, default 115200 baud</li>
 * </ul>
 * KDNET ({@code net:port=50000,key=w.x.y.z[,host=IP][,target=IP]}) is a packet transport, not a
 * byte stream: {@link #openLink} opens every scheme as a {@link PacketLink}.
 */
public final class Transports {
    private Transports() {}

    /**
     * Opens any spec as a {@link PacketLink}: {@code net:...} as a {@link KdnetLink} (binds, then
     * waits for the target's poke in the background), the byte schemes as KDCOM over {@link #open}.
     */
    public static PacketLink openLink(String spec, Duration timeout, KdClock clock) throws IOException {
        if (spec.startsWith("net:")) {
            return KdnetLink.open(KdnetSpec.parse(spec), clock);
        }
        return KdcomLink.open(open(spec, timeout), clock);
    }

    public static ByteTransport open(String spec, Duration timeout) throws IOException {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("transport spec needs a scheme (tcp:, tcp-listen:, pipe:, serial:, net:): '"
                    + KdnetSpec.redact(spec) + "'");
        }
        String scheme = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        return switch (scheme) {
            case "tcp" -> {
                int last = rest.lastIndexOf(':');
                if (last <= 0) {
                    throw new IllegalArgumentException("tcp spec must be tcp:HOST:PORT: '" + spec + "'");
                }
                yield TcpTransport.connect(rest.substring(0, last), port(rest.substring(last + 1), spec), timeout);
            }
            case "tcp-listen" -> {
                try (TcpListener l = TcpListener.bind(null, port(rest, spec))) {
                    yield l.accept(timeout);
                }
            }
            case "pipe" -> NamedPipeTransport.open(rest);
            case "serial" -> {
                int comma = rest.indexOf(',');
                String device = comma < 0 ? rest : rest.substring(0, comma);
                int baud = comma < 0 ? SerialTransport.DEFAULT_BAUD : port(rest.substring(comma + 1), spec);
                yield SerialTransport.open(device, baud);
            }
            default -> throw new IllegalArgumentException("unknown transport scheme '" + scheme
                    + "': expected tcp, tcp-listen, pipe, serial or net");
        };
    }

    private static int port(String text, String spec) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "' in '" + spec + "'");
        }
    }
}
