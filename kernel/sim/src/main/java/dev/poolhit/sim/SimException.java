package dev.poolhit.sim;

/**
 * The simulator's one exception family: unchecked, because every failure is either a programming
 * error in a caller (bad handle, wrong state) or a defect in the images the machine loads. The KD
 * adapter translates it once into an NTSTATUS on the wire.
 */
public class SimException extends RuntimeException {
    public SimException(String message) {
        super(message);
    }

    public SimException(String message, Throwable cause) {
        super(message, cause);
    }
}
