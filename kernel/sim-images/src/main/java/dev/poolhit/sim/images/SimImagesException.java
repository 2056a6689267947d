package dev.poolhit.sim.images;

/** A requested sim image is not on the classpath. */
public final class SimImagesException extends RuntimeException {
    /** Creates the exception with a "what, expected, actual, context" message. */
    public SimImagesException(String message) {
        super(message);
    }
}
