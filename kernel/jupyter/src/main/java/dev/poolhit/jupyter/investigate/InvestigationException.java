package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.magic.MessageText;
import dev.poolhit.pool.PoolException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.TargetRunningException;
import java.util.List;

/**
 * An investigation magic that could not do its work: one short notebook message (what, why, what
 * to do), never a stack dump. Target and pool exceptions are translated into this once, at the
 * magic boundary ({@link #translate}).
 */
public final class InvestigationException extends CellException {
    private static final long serialVersionUID = 1L;
    private final String errorName;
    private final List<String> details;

    InvestigationException(String errorName, String message, List<String> details) {
        super(MessageText.oneLine(message));
        this.errorName = errorName;
        this.details = List.copyOf(details);
    }

    InvestigationException(String errorName, String message) {
        this(errorName, message, List.of());
    }

    static InvestigationException notConnected() {
        return new InvestigationException("NotConnected", "no target: connect first with %connect sim (or tcp:HOST:PORT,"
                + " pipe:NAME, serial:DEVICE)");
    }

    /** One message for a lower layer's exception, with a hint for the usual cases. */
    static InvestigationException translate(String magic, RuntimeException e) {
        if (e instanceof TargetRunningException) {
            return new InvestigationException("TargetRunning", e.getMessage() + ": run %break first, then " + magic);
        }
        if (e instanceof TargetDisconnectedException) {
            return new InvestigationException("TargetDisconnected", e.getMessage()
                    + ": the link is gone; %disconnect, then %connect again");
        }
        if (e instanceof TargetException) {
            return new InvestigationException("TargetError", magic + ": " + e.getMessage());
        }
        if (e instanceof PoolException) {
            return new InvestigationException("PoolHitError", magic + ": " + e.getMessage());
        }
        throw e;
    }

    @Override
    public String errorName() {
        return errorName;
    }

    @Override
    public List<String> detailLines() {
        return details;
    }
}
