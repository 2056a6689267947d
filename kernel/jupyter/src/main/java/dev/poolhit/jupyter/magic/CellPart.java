package dev.poolhit.jupyter.magic;

/** One piece of a cell, in execution order: Java source, a {@code %line} magic or a {@code %%cell} magic. */
public sealed interface CellPart {
    /**
     * Java source. Lines of the cell that belong to other parts are blank, so line numbers in
     * compile errors match the cell.
     */
    record Java(String code) implements CellPart {
    }

    /** {@code %name args} on cell line {@code line} (1-based). */
    record LineMagic(String name, String args, int line) implements CellPart {
    }

    /** {@code %%name args} on the first line, then the rest of the cell as {@code body}. */
    record CellMagic(String name, String args, String body) implements CellPart {
    }
}
