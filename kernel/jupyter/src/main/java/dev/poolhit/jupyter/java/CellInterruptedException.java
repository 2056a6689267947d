package dev.poolhit.jupyter.java;

import dev.poolhit.jupyter.CellException;

/** The cell was stopped by a Jupyter interrupt request. */
public final class CellInterruptedException extends CellException {
    private static final long serialVersionUID = 1L;

    public CellInterruptedException() {
        super("cell interrupted by the user");
    }

    @Override
    public String errorName() {
        return "Interrupted";
    }
}
