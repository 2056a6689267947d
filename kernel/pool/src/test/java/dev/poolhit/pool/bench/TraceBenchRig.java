package dev.poolhit.pool.bench;

import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.TcpListener;
import dev.poolhit.kd.transport.Transports;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.KdTargetOptions;
import dev.poolhit.target.symbol.SymbolPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated target and a {@link KdTarget} attached to it through counting decorators: bytes
 * on the KDCOM stream ({@link TraceBenchBytes}) and KD requests ({@link TraceBenchTally}).
 * Either over an in-process pipe (with the config's link knobs, e.g. 115200 baud) or over real
 * loopback TCP ({@link TcpListener} + {@link SimulatedTarget#serve}).
 */
final class TraceBenchRig implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(30);

    final SimulatedTarget sim;
    final KdTarget target;
    final TraceBenchTally tally;
    final TraceBenchBytes bytes;
    private final TcpListener listener;

    private TraceBenchRig(SimulatedTarget sim, ByteTransport hostEnd, TcpListener listener, Path symbols) {
        this.sim = sim;
        this.listener = listener;
        this.bytes = new TraceBenchBytes(hostEnd);
        this.tally = new TraceBenchTally(KdcomLink.open(bytes, KdClock.system()));
        KdTargetOptions options = KdTargetOptions.defaults().withSymbolPath(pdbFolder(symbols)).withConnectTimeout(CONNECT);
        this.target = KdTarget.attach(tally, options);
    }

    static TraceBenchRig inProcess(SimConfig config, Path symbols) {
        SimulatedTarget sim = SimulatedTarget.start(config);
        return new TraceBenchRig(sim, sim.hostEnd(), null, symbols);
    }

    static TraceBenchRig overTcp(SimConfig config, Path symbols) throws IOException {
        TcpListener listener = TcpListener.bindLoopback(0);
        CompletableFuture<SimulatedTarget> served = CompletableFuture.supplyAsync(() -> {
            try {
                return SimulatedTarget.serve(listener.accept(CONNECT), config, KdClock.system());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ByteTransport host = Transports.open("tcp:127.0.0.1:" + listener.port(), CONNECT);
        return new TraceBenchRig(served.join(), host, listener, symbols);
    }

    private static SymbolPath pdbFolder(Path dir) {
        try {
            for (String f : SimImages.x64().fileNames()) {
                if (f.endsWith(".pdb")) {
                    Files.write(dir.resolve(f), SimImages.x64().bytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SymbolPath.parse(dir.toString(), dir);
    }

    @Override
    public void close() throws IOException {
        target.close();
        sim.close();
        if (listener != null) {
            listener.close();
        }
    }
}
