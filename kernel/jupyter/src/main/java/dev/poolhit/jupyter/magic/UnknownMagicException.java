package dev.poolhit.jupyter.magic;

import dev.poolhit.jupyter.CellException;
import java.util.List;

/** A {@code %name} that no magic is registered under. */
public final class UnknownMagicException extends CellException {
    private static final long serialVersionUID = 1L;

    UnknownMagicException(String prefixedName, String suggestion) {
        super(MessageText.oneLine("unknown magic " + prefixedName
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")));
    }

    @Override
    public String errorName() {
        return "UnknownMagic";
    }

    @Override
    public List<String> detailLines() {
        return List.of("%lsmagic lists the magics; %help NAME explains one");
    }
}
