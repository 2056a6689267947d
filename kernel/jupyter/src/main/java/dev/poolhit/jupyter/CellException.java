package dev.poolhit.jupyter;

import java.util.List;

/**
 * The kernel layer's exception family: anything a cell can do wrong that the user should see as
 * a short notebook message rather than a Java stack dump. {@link #errorName()} becomes the
 * Jupyter {@code ename}-like title line and {@link #detailLines()} the rest of the traceback.
 */
public abstract class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CellException(String message) {
        super(message);
    }

    protected CellException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Short title shown before the message, e.g. {@code UsageError}. */
    public abstract String errorName();

    /** The first line the user sees; by default {@code errorName(): message}. */
    public String title() {
        return errorName() + ": " + getMessage();
    }

    /** Lines shown after the title line (usage, source excerpt, filtered stack); may be empty. */
    public List<String> detailLines() {
        return List.of();
    }
}
