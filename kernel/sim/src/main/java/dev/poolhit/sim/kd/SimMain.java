package dev.poolhit.sim.kd;

import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.TcpListener;
import dev.poolhit.kd.transport.TcpTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Standalone simulated target on TCP, like a VM's serial port in server mode:
 * {@code java -cp ... dev.poolhit.sim.kd.SimMain --port 0 --seed 1 [--baud 115200] [--drop 0.01 ...]}.
 * Prints the bound loopback port as the first stdout line, waits for one host
 * ({@code %connect tcp:127.0.0.1:PORT}), serves it until it hangs up, then exits with status 0.
 * Exit status 2 for bad arguments, 1 when nobody connected in time or the target failed.
 */
public final class SimMain {
    private static final System.Logger LOG = System.getLogger(SimMain.class.getName());

    private SimMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** The whole program; returns the exit status. */
    static int run(String[] args, PrintStream out) throws InterruptedException {
        SimArgs parsed;
        try {
            parsed = SimArgs.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        try (TcpListener listener = TcpListener.bindLoopback(parsed.port())) {
            out.println(listener.port());
            out.flush();
            TcpTransport transport = listener.accept(parsed.acceptTimeout());
            LOG.log(System.Logger.Level.INFO, "host connected: " + transport.description());
            SimulatedTarget target = SimulatedTarget.serve(transport, parsed.config(), KdClock.system());
            Runtime.getRuntime().addShutdownHook(new Thread(target::close, "sim-kd-shutdown"));
            target.awaitTermination(Duration.ofDays(365));
            return target.failure().isPresent() ? 1 : 0;
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }
}
