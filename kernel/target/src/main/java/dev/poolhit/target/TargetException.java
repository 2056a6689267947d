package dev.poolhit.target;

/**
 * Root of the debugger model's unchecked exception family (style rule R5). Wire and transport
 * errors are translated into these once, in {@code target.kd}; parsers of images, PDBs and unwind
 * data throw them directly, so a caller above this layer needs exactly one catch.
 */
public abstract sealed class TargetException extends RuntimeException
        permits MemoryAccessException, PeFormatException, PdbFormatException, UnwindException,
                SymbolException, TargetRunningException, TargetDisconnectedException,
                TargetProtocolException {
    protected TargetException(String message) {
        super(message);
    }

    protected TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
