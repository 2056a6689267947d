package dev.poolhit.sim.image;

import dev.poolhit.sim.SimException;

/** A PE file or the images manifest does not have the shape the loader needs. */
public final class ImageFormatException extends SimException {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
