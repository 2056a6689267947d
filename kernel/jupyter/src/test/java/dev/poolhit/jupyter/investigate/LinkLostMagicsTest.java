package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.kd.TargetState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The link of {@code %connect sim:...,cut=N} is cut while PoolHitTag is armed and no trace runs:
 * {@code %status} says so, {@code %restore} reconnects (the simulator plugged back in) and restores,
 * and a {@code %connect} to another boot says there is nothing left to restore.
 */
class LinkLostMagicsTest {
    private static final byte[] IDLE = {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    private CellHarness cells;
    private Machine machine;

    @BeforeEach
    void armThenCut() throws Exception {
        cells = new CellHarness();
        cells.exec("%connect sim:rate=0,cut=400");
        machine = PoolHit.session().machine().orElseThrow();
        cells.exec("%poolhittag Lea2");
        for (int i = 0; i < 10_000 && PoolHit.session().target().state() != TargetState.DISCONNECTED; i++) {
            try {
                cells.exec("%poolhittag Lea2"); // a read and a write each, until the simulator cuts the link
            } catch (CellException e) {
                assertTrue(e.title().contains("link closed"), e.title());
            }
        }
        assertEquals(TargetState.DISCONNECTED, PoolHit.session().target().state());
        String status = (String) cells.exec("%status").orElseThrow();
        assertTrue(status.startsWith("connected: sim:rate=0,cut=400, disconnected"), status);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (PoolHit.session().connected()) {
            cells.exec("%disconnect");
        }
        cells.close();
    }

    @Test
    void restoreReconnectsToTheSameMachineAndPutsPoolHitTagBack() throws Exception {
        assertEquals("link lost; reconnected and restored the target\nrestored; target running:\n"
                + "  PoolHitTag back to 0xffffff0f", cells.exec("%restore").orElseThrow());
        assertArrayEquals(IDLE, poolHitTag());
        assertEquals(0, machine.breakpointCount());
        assertTrue(((String) cells.exec("%status").orElseThrow()).startsWith("connected: sim:rate=0,cut=400, running"));
        assertEquals("nothing to restore; target running", cells.exec("%restore").orElseThrow());
    }

    @Test
    void connectingToAnotherBootSaysNothingIsLeftToRestore() throws Exception {
        String summary = (String) cells.exec("%connect sim:rate=0").orElseThrow();
        assertTrue(summary.endsWith("\nlink lost; reconnected, but the target rebooted meanwhile (PoolHitTag at "
                + dev.poolhit.common.Hex.u64(machine.kernel().globals().poolHitTag()) + " holds idle (0xffffff0f), not"
                + " the armed Lea2 (0x3261654c)): nothing of ours is left to restore"), summary);
        String status = (String) cells.exec("%status").orElseThrow();
        assertTrue(status.startsWith("connected: sim:rate=0, broken"), status);
        assertTrue(!status.contains("left on the target"), status);
    }

    private byte[] poolHitTag() {
        byte[] tag = new byte[4];
        machine.readVirtual(machine.kernel().globals().poolHitTag(), tag, 0, 4);
        return tag;
    }
}
