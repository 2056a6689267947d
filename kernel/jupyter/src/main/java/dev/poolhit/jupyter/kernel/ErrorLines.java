package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.CellException;
import java.util.ArrayList;
import java.util.List;

/**
 * The traceback lines of a failed cell. Cell errors are a red title plus their own short
 * details; anything else is a kernel bug and keeps a trimmed stack so it can be reported.
 */
final class ErrorLines {
    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";
    private static final int BUG_FRAMES = 12;

    private ErrorLines() {
    }

    static List<String> of(Throwable e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CellException cell) {
            lines.add(RED + cell.title() + RESET);
            lines.addAll(cell.detailLines());
            return lines;
        }
        lines.add(RED + "KernelError: " + e + RESET);
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(BUG_FRAMES, frames.length); i++) {
            lines.add("    at " + frames[i]);
        }
        lines.add("(this is a bug in the PoolHit kernel; the kernel is still usable)");
        return lines;
    }
}
