package dev.poolhit.kd.protocol;

/** The transport under a KD link is closed (by us, by the peer, or by an I/O failure). */
public class LinkClosedException extends KdException {
    public LinkClosedException(String message) {
        super(message);
    }

    public LinkClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
