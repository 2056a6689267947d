package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.display.Display;
import dev.poolhit.jupyter.display.DisplayHandle;
import dev.poolhit.pool.live.TraceProgress;
import java.util.function.LongSupplier;

/**
 * {@code %trace}'s progress bar: one display updated in place, at most every {@link #INTERVAL_NANOS}
 * (hits can arrive thousands a second; the notebook needs about five updates a second).
 * Called on the trace worker thread.
 */
final class ProgressBar implements TraceProgress {
    static final long INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;
    private final LongSupplier nanoTime;
    private final DisplayHandle handle;
    private long lastUpdate;

    ProgressBar(int wanted, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.handle = Display.display(text(0, wanted, "waiting for the first hit"));
        this.lastUpdate = nanoTime.getAsLong();
    }

    @Override
    public synchronized void update(int hits, int wanted) {
        long now = nanoTime.getAsLong();
        if (hits < wanted && now - lastUpdate < INTERVAL_NANOS) {
            return;
        }
        lastUpdate = now;
        handle.update(text(hits, wanted, ""));
    }

    /** The last word, e.g. {@code completed} or {@code interrupted after 123 hits}. */
    synchronized void finish(int hits, int wanted, String note) {
        handle.update(text(hits, wanted, note));
    }

    static String text(int hits, int wanted, String note) {
        int filled = (int) ((long) WIDTH * Math.min(hits, wanted) / wanted);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + hits + "/" + wanted + " hits"
                + (note.isEmpty() ? "" : ", " + note);
    }
}
