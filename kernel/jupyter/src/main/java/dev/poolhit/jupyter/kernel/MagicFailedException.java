package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.magic.CellPart;
import java.util.ArrayList;
import java.util.List;

/** A magic's handler threw something other than a usage error: shown as the magic's failure, no stack. */
final class MagicFailedException extends CellException {
    private static final long serialVersionUID = 1L;

    MagicFailedException(CellPart part, Exception cause) {
        super(name(part) + " failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
    }

    private static String name(CellPart part) {
        if (part instanceof CellPart.LineMagic line) {
            return "%" + line.name();
        }
        return part instanceof CellPart.CellMagic cell ? "%%" + cell.name() : "magic";
    }

    @Override
    public String errorName() {
        return "MagicError";
    }

    @Override
    public List<String> detailLines() {
        List<String> lines = new ArrayList<>();
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            lines.add((t == getCause() ? "from " : "caused by ") + t.getClass().getName()
                    + (t.getMessage() == null || t == getCause() ? "" : ": " + t.getMessage()));
        }
        return lines;
    }
}
