package dev.poolhit.sim.machine;

import dev.poolhit.sim.SimException;

/** A machine call was made in a state where it is not valid (e.g. SetContext while running). */
public final class MachineStateException extends SimException {
    public MachineStateException(String message) {
        super(message);
    }
}
