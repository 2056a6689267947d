package dev.poolhit.target;

/** A symbol path, symbol server download or PDB match failed (GUID/age mismatch, corrupt download, bad path syntax). */
public final class SymbolException extends TargetException {
    public SymbolException(String message) {
        super(message);
    }

    public SymbolException(String message, Throwable cause) {
        super(message, cause);
    }
}
