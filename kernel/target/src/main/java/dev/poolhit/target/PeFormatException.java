package dev.poolhit.target;

/** A PE image (from a file or target memory) breaks a format rule; the message names the rule, the values and the image. */
public final class PeFormatException extends TargetException {
    public PeFormatException(String message) {
        super(message);
    }

    public PeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
