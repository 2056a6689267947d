package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.sim.machine.Machine;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code %connect sim:net}: the simulator as a KDNET target on loopback UDP, through the real KDNET host link. */
class KdnetConnectTest {
    @Test
    void tracesOverKdnetAndRestores() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            String summary = (String) cells.exec("%connect sim:net,rate=0").orElseThrow();
            assertTrue(summary.startsWith("connected to sim:net,rate=0"), summary);
            assertTrue(summary.contains("PoolHitTag: nt!PoolHitTag at fffff800`"), summary);
            Machine machine = PoolHit.session().machine().orElseThrow();
            cells.exec("%poolhittag Lea2");
            Table hits = (Table) cells.exec("%trace 20").orElseThrow();
            assertEquals(20, hits.rowCount());
            cells.exec("%disconnect");
            byte[] tag = new byte[4];
            machine.readVirtual(machine.kernel().globals().poolHitTag(), tag, 0, 4);
            assertArrayEquals(new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, tag);
            assertEquals(0, machine.breakpointCount());
            assertFalse(PoolHit.session().connected());
        }
    }

    @Test
    void theKeyNeverShowsInMessages() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> cells.exec("%connect net:port=50000,key=zzzzzzzzzzzzzz.1.2.3"));
            assertFalse(e.getMessage().contains("zzzzzzzzzzzzzz"), e.getMessage());
        }
    }
}
