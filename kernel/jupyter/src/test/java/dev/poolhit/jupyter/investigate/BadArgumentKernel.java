package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.target.kd.TargetState;

/**
 * One in-process kernel ({@link CellHarness}: real magics, real JShell, the real simulator) that
 * the bad-argument rows share, brought into the state each row asks for. Rows come in state
 * order, so the kernel mostly moves forward; going back starts a fresh kernel.
 */
final class BadArgumentKernel implements AutoCloseable {
    private CellHarness cells = new CellHarness();
    private KernelState state = KernelState.NONE;

    /** The kernel, in {@code wanted}. */
    CellHarness in(KernelState wanted) throws Exception {
        if (wanted.ordinal() < state.ordinal()) {
            restart();
        }
        while (state.ordinal() < wanted.ordinal()) {
            advance();
        }
        return cells;
    }

    private void advance() throws Exception {
        switch (state) {
            case NONE -> cells.exec("%connect sim:rate=0");
            case SIM -> cells.exec("%g");
            case RUNNING -> {
                cells.exec("%break");
                cells.exec("%poolhittag Lea2");
                cells.exec("%trace 3");
            }
            case TRACED -> throw new IllegalStateException("no state after traced");
        }
        state = KernelState.values()[state.ordinal() + 1];
    }

    /** A bad cell changes nothing: still connected (or not), the target as it was, the trace kept (or absent). */
    void assertStillIn(KernelState expected, String row) {
        Investigation session = PoolHit.session();
        assertEquals(expected != KernelState.NONE, session.connected(), row + ": connection");
        assertEquals(expected == KernelState.TRACED, session.lastTrace().isPresent(), row + ": last trace");
        if (expected == KernelState.SIM || expected == KernelState.RUNNING) {
            assertEquals(expected == KernelState.SIM ? TargetState.BROKEN : TargetState.RUNNING,
                    session.target().state(), row + ": target state");
        }
    }

    private void restart() throws Exception {
        close();
        cells = new CellHarness();
        state = KernelState.NONE;
    }

    /** The kernel as it would be used: its magic registry, for the coverage check. */
    CellHarness cells() {
        return cells;
    }

    @Override
    public void close() throws Exception {
        try {
            if (PoolHit.session().connected()) {
                cells.exec("%disconnect");
            }
        } finally {
            cells.close();
        }
    }
}
