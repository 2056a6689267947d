package dev.poolhit.sim.kd.net;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdnet.KdnetKey;
import dev.poolhit.kd.transport.kdnet.KdnetStats;
import dev.poolhit.kd.transport.kdnet.KdnetTargetCodec;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;

/**
 * A simulated Windows target speaking KDNET over real UDP, for {@code %connect sim:net}: it pokes
 * the host address of {@link KdnetSimOptions} from its own socket, completes the handshake, then
 * runs the ordinary simulated target engine over the datagrams.
 *
 * <pre>
 *   KdnetSimTarget sim = KdnetSimTarget.start(SimConfig.DEFAULT, KdnetSimOptions.loopback(KdnetSimOptions.freeLoopbackPort()));
 *   KdTarget target = KdTarget.open(sim.hostSpec(), options);   // net:port=P,key=1.2.3.4,host=127.0.0.1
 * </pre>
 * The byte-level {@link LinkKnobs} of {@code config} are ignored (datagram faults come from the
 * options). Closing stops the poker, the engine and the socket.
 */
public final class KdnetSimTarget implements Closeable {
    private final KdnetTargetTransport transport;
    private final SimulatedTarget target;
    private final KdnetSimOptions options;

    private KdnetSimTarget(KdnetTargetTransport transport, SimulatedTarget target, KdnetSimOptions options) {
        this.transport = transport;
        this.target = target;
        this.options = options;
    }

    /** Starts on the real clock. */
    public static KdnetSimTarget start(SimConfig config, KdnetSimOptions options) throws IOException {
        return start(config, options, KdClock.system());
    }

    /** Boots the machine, binds an ephemeral UDP port on the host's address family and starts poking. */
    public static KdnetSimTarget start(SimConfig config, KdnetSimOptions options, KdClock clock) throws IOException {
        KdnetKey key = KdnetKey.parse(options.key());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(options.host().getAddress(), 0));
        KdnetTargetTransport transport = new KdnetTargetTransport(socket, options, new KdnetTargetCodec(key, random),
                clock);
        SimulatedTarget target = SimulatedTarget.serve(transport, config.withLink(LinkKnobs.PERFECT), clock);
        transport.start();
        return new KdnetSimTarget(transport, target, options);
    }

    /** {@code net:port=P,key=K,host=IP}: what the host opens to debug this target. */
    public String hostSpec() {
        return options.hostSpec();
    }

    public SimulatedTarget target() {
        return target;
    }

    public Machine machine() {
        return target.machine();
    }

    /** The target side's counters (datagrams, drops by reason, handshakes). */
    public KdnetStats stats() {
        return transport.stats();
    }

    /** Datagrams the fault dice threw away so far (both directions). */
    public long datagramsLost() {
        return transport.lost();
    }

    /** The target's own UDP address (pokes and data come from here). */
    public InetSocketAddress targetAddress() {
        return transport.localAddress();
    }

    @Override
    public void close() {
        target.close();
        transport.close();
    }
}
