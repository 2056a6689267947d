package dev.poolhit.target;

/** A PDB (MSF 7.00 container, info, DBI or symbol record stream) breaks a format rule; the message names the rule, the values and the file. */
public final class PdbFormatException extends TargetException {
    public PdbFormatException(String message) {
        super(message);
    }

    public PdbFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
