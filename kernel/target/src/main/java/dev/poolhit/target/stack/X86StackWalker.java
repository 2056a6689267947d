package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.UnwindMethod;
import dev.poolhit.target.x86.X86Registers;
import dev.poolhit.target.x86.X86UnwindStep;
import dev.poolhit.target.x86.X86Unwinder;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Walks a 32-bit x86 stack from a register set, frame by frame, as WinDbg's {@code k} does; the
 * x86 counterpart of {@link StackWalker}, sharing its walk loop. Each caller ESP must be 4-aligned,
 * inside the stack limits and above the callee's, except across a trap frame (which may switch
 * stacks, e.g. kernel to user at a sysenter). The walk continues into user mode through the
 * {@code userSpace} hook while the code belongs to a known module and stops cleanly otherwise.
 * Frames are {@link Machine#X86}; ChildEBP is in {@link StackFrame#childSp()}, the unwind method
 * in {@link StackFrame#method()}.
 */
public final class X86StackWalker extends FrameWalker<X86Registers, X86UnwindStep> {
    private final X86Unwinder unwinder;
    private final LongFunction<Optional<X86StackWalker>> userSpace;

    /** @param describer names an address (e.g. {@code Symbolizer::describe}; {@code Location::unknown} for none) */
    public X86StackWalker(X86Unwinder unwinder, LongFunction<Location> describer, StackLimits limits) {
        this(unwinder, describer, limits, eip -> Optional.empty());
    }

    /**
     * @param userSpace given the first user-mode EIP of a walk that left the kernel, a walker whose
     *                  unwinder reads that process's memory and knows its modules, or empty
     */
    public X86StackWalker(X86Unwinder unwinder, LongFunction<Location> describer, StackLimits limits,
                          LongFunction<Optional<X86StackWalker>> userSpace) {
        super(describer, limits);
        this.unwinder = unwinder;
        this.userSpace = userSpace;
    }

    /** The registers are exact at the first frame and after a trap frame; FRAMEDATA's ParamsSize carries over. */
    @Override
    X86UnwindStep unwind(X86Registers regs, X86UnwindStep previous) {
        boolean exact = previous == null || previous.method() == UnwindMethod.TRAP_FRAME;
        long calleeParams = previous == null ? 0 : previous.paramsSize();
        return unwinder.unwind(regs, exact, calleeParams);
    }

    @Override
    X86Registers caller(X86UnwindStep step) {
        return step.caller();
    }

    @Override
    long instructionPointer(X86Registers regs) {
        return regs.eip();
    }

    @Override
    boolean knows(long eip) {
        return unwinder.frames().knows(eip);
    }

    @Override
    StackFrame frame(int number, X86Registers regs, X86UnwindStep step) {
        Location site = describe(regs.eip());
        if (step == null) {
            return StackFrame.of(number, regs.ebp(), OptionalLong.empty(), site, Machine.X86, Optional.empty());
        }
        return StackFrame.of(number, step.frameBase(), OptionalLong.of(step.caller().eip()), site, Machine.X86,
                Optional.of(step.method()));
    }

    @Override
    String badStackPointer(X86Registers callee, X86UnwindStep step) {
        X86Registers caller = step.caller();
        long esp = caller.esp();
        if ((esp & 3) != 0) {
            return "caller ESP " + Hex.u32(esp) + " not 4-byte aligned (frame ESP " + Hex.u32(callee.esp()) + ")";
        }
        if (step.method() == UnwindMethod.TRAP_FRAME || isKernel(callee.eip()) != isKernel(caller.eip())) {
            return null; // a trap frame may move to another stack (kernel to user, interrupt stacks)
        }
        if (Long.compareUnsigned(X86Registers.u32(esp), X86Registers.u32(callee.esp())) <= 0) {
            return "caller ESP " + Hex.u32(esp) + " not above frame ESP " + Hex.u32(callee.esp());
        }
        if (isKernel(caller.eip()) && !limits().allows(esp)) {
            return "caller ESP " + Hex.u32(esp) + " outside the stack limits " + limits().ranges().stream()
                    .map(r -> "[" + Hex.u32(r.start()) + "-" + Hex.u32(r.end()) + ")").collect(Collectors.joining(", "));
        }
        return null;
    }

    @Override
    Optional<X86StackWalker> userSpace(long eip) {
        return userSpace.apply(eip);
    }

    @Override
    String address(long value) {
        return Hex.u32(value);
    }
}
