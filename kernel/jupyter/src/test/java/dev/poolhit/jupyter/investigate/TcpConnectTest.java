package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.TcpListener;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code %connect tcp:HOST:PORT} to a simulated target on a real socket, as to a VM's serial port. */
class TcpConnectTest {
    @Test
    void tracesOverTcpAndRestores() throws Exception {
        try (TcpListener listener = TcpListener.bindLoopback(0); CellHarness cells = new CellHarness()) {
            CompletableFuture<SimulatedTarget> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return SimulatedTarget.serve(listener.accept(Duration.ofSeconds(20)),
                            SimConfig.DEFAULT.withEventsPerSecond(0), KdClock.system());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String symbols = SimSymbols.folder().toString();
            String summary = (String) cells.exec("%connect tcp:127.0.0.1:" + listener.port() + " --symbols " + symbols)
                    .orElseThrow();
            assertTrue(summary.contains("PoolHitTag: nt!PoolHitTag at fffff800`"), summary);
            try (SimulatedTarget sim = served.get()) {
                assertTrue(PoolHit.session().machine().isEmpty(), "no in-process simulator behind tcp:");
                cells.exec("%poolhittag Lea2");
                Table hits = (Table) cells.exec("%trace 20").orElseThrow();
                assertEquals(20, hits.rowCount());
                assertEquals(20, hits.stringColumn("kind").countOccurrences("alloc") + hits.stringColumn("kind")
                        .countOccurrences("free"));
                cells.exec("%disconnect");
                Machine machine = sim.machine();
                byte[] tag = new byte[4];
                machine.readVirtual(machine.kernel().globals().poolHitTag(), tag, 0, 4);
                assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, tag);
                assertEquals(0, machine.breakpointCount());
                assertFalse(PoolHit.session().connected());
            }
        }
    }
}
