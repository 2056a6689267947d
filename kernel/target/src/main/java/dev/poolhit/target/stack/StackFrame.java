package dev.poolhit.target.stack;

import dev.poolhit.target.symbol.Location;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code k}: frame number, Child-SP (the frame's RSP), return address into the caller
 * (empty when this frame could not be unwound), instruction pointer, and the call site's module,
 * function and offset (each empty when unknown; never made up).
 */
public record StackFrame(int number, long childSp, OptionalLong returnAddress, long instructionPointer,
        Optional<String> module, Optional<String> function, OptionalLong offset) {
    static StackFrame of(int number, long childSp, OptionalLong returnAddress, Location site) {
        return new StackFrame(number, childSp, returnAddress, site.address(), site.module(), site.function(), site.offset());
    }

    public Location location() {
        return new Location(instructionPointer, module, function, offset);
    }

    /** {@code nt!ExAllocatePoolWithTag+0x82e}, {@code myfault+0x1634}, or the raw address. */
    public String callSite() {
        return location().text();
    }
}
