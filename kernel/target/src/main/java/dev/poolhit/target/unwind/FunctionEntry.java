package dev.poolhit.target.unwind;

import dev.poolhit.target.pe.RuntimeFunction;

/** A RUNTIME_FUNCTION found for an address, with the base of the image it belongs to. */
public record FunctionEntry(long imageBase, RuntimeFunction function) {
    public long begin() {
        return imageBase + function.beginAddress();
    }

    public long end() {
        return imageBase + function.endAddress();
    }
}
