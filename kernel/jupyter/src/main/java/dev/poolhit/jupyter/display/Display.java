package dev.poolhit.jupyter.display;

import java.util.UUID;

/**
 * Output helpers for cells and magics, statically imported into every cell:
 * {@code var h = display(table); ... h.update(newTable);} or {@code updateDisplay(h, newTable)}.
 * A progress display is shown once and then updated in place. Works only while a cell runs:
 * output from a thread that outlives its cell cannot reach the notebook (a Jupyter limit).
 */
public final class Display {
    private static volatile DisplaySink sink;

    private Display() {
    }

    /** Installed by the kernel at start-up. */
    public static void setSink(DisplaySink kernelSink) {
        sink = kernelSink;
    }

    /** Shows {@code value} (rendered like a cell result) under a new display id. */
    public static DisplayHandle display(Object value) {
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString());
        requireSink().display(value, handle.id());
        return handle;
    }

    /** Replaces the output previously shown under {@code handle}. */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        updateDisplay(handle.id(), value);
    }

    /** Replaces the output previously shown with display id {@code id}. */
    public static void updateDisplay(String id, Object value) {
        requireSink().update(id, value);
    }

    private static DisplaySink requireSink() {
        DisplaySink s = sink;
        if (s == null) {
            throw new IllegalStateException("display() needs a running PoolHit kernel");
        }
        return s;
    }
}
