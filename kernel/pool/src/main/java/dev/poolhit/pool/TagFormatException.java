package dev.poolhit.pool;

/** A pool tag as typed by a user cannot be used; the message says why and what to type instead. */
public final class TagFormatException extends PoolException {
    private static final long serialVersionUID = 1L;

    public TagFormatException(String message) {
        super(message);
    }
}
