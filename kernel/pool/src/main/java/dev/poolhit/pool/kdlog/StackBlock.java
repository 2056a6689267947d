package dev.poolhit.pool.kdlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows under one stack header. The block ends at a blank line or at the first line that is
 * neither a frame row nor WinDbg's noise ({@code WARNING: ...}, {@code *** ...}); a row that has
 * the shape of a frame but does not parse breaks the block (the stack is dropped, never patched).
 */
final class StackBlock {
    private StackHeader header;
    private List<FrameRow> rows = new ArrayList<>();
    private String error;
    private int startLine;
    private boolean finished;

    boolean active() {
        return header != null && !finished;
    }

    boolean finished() {
        return finished;
    }

    void start(StackHeader h, int line) {
        header = h;
        startLine = line;
    }

    /** Consumes {@code text} if it belongs to the block; false ends the block without consuming. */
    boolean take(String text, int line) {
        String s = text.strip();
        if (s.isEmpty()) {
            end();
            return true;
        }
        if (FrameRow.looksLikeRow(s, header)) {
            Object parsed = FrameRow.parse(s, header);
            if (parsed instanceof FrameRow row) {
                rows.add(row);
            } else if (error == null) {
                error = "line " + line + ": frame row not understood, stack of line " + startLine
                        + " dropped: " + parsed;
            }
            return true;
        }
        if (s.startsWith("WARNING:") || s.startsWith("***")) {
            return true;
        }
        end();
        return false;
    }

    void end() {
        finished = true;
    }

    List<FrameRow> rows() {
        return rows;
    }

    String error() {
        return error;
    }

    /** The header line of the block last started (kept after {@link #reset}). */
    int lastStart() {
        return startLine;
    }

    void reset() {
        header = null;
        rows = new ArrayList<>();
        error = null;
        finished = false;
    }
}
