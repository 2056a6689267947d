package dev.poolhit.jupyter.magic;

import dev.poolhit.jupyter.CellException;
import java.util.List;

/** Bad arguments to a magic: shown as one short message plus the magic's usage line. */
public final class MagicUsageException extends CellException {
    private static final long serialVersionUID = 1L;
    private final String usage;

    public MagicUsageException(String message, String usage) {
        super(MessageText.oneLine(message));
        this.usage = usage;
    }

    public String usage() {
        return usage;
    }

    @Override
    public String errorName() {
        return "UsageError";
    }

    @Override
    public List<String> detailLines() {
        return usage == null ? List.of() : List.of("usage: " + usage);
    }
}
