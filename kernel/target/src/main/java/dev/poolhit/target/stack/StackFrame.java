package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code k}: frame number, Child-SP (the frame's RSP; on x86 the ChildEBP, the frame's
 * possibly virtual frame pointer), return address into the caller (empty when this frame could not
 * be unwound), instruction pointer, and the call site's module, function and offset (each empty
 * when unknown; never made up), the machine, and how the return address was found (empty when
 * unknown or not unwound; {@link UnwindMethod#SCAN} marks a guess).
 */
public record StackFrame(int number, long childSp, OptionalLong returnAddress, long instructionPointer,
        Optional<String> module, Optional<String> function, OptionalLong offset, Machine machine,
        Optional<UnwindMethod> method) {
    /** An x64 frame whose unwind method is not recorded. */
    public StackFrame(int number, long childSp, OptionalLong returnAddress, long instructionPointer,
            Optional<String> module, Optional<String> function, OptionalLong offset) {
        this(number, childSp, returnAddress, instructionPointer, module, function, offset, Machine.X64, Optional.empty());
    }

    static StackFrame of(int number, long childSp, OptionalLong returnAddress, Location site) {
        return new StackFrame(number, childSp, returnAddress, site.address(), site.module(), site.function(), site.offset());
    }

    static StackFrame of(int number, long childSp, OptionalLong returnAddress, Location site, Machine machine,
            Optional<UnwindMethod> method) {
        return new StackFrame(number, childSp, returnAddress, site.address(), site.module(), site.function(),
                site.offset(), machine, method);
    }

    public Location location() {
        return new Location(instructionPointer, module, function, offset);
    }

    /** {@code nt!ExAllocatePoolWithTag+0x82e}, {@code myfault+0x1634}, or the raw address (8 digits on x86). */
    public String callSite() {
        if (machine == Machine.X86 && module.isEmpty()) {
            return "0x" + Hex.u32(instructionPointer);
        }
        return location().text();
    }
}
