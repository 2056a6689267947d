package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.unwind.UnwindMethod;
import dev.poolhit.target.unwind.UnwindStep;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Walks an x64 stack from a register context, frame by frame, as {@code k} does. Each caller RSP
 * must be 8-aligned, inside the stack limits and above the callee's; a machine frame may switch
 * stacks (interrupt, or the kernel-to-user boundary). The walk continues into user mode while the
 * code belongs to a known module and stops cleanly otherwise.
 */
public final class StackWalker extends FrameWalker<Registers, UnwindStep> {
    private final X64Unwinder unwinder;
    private final LongFunction<Optional<StackWalker>> userSpace;

    /** @param describer names an address (e.g. {@code Symbolizer::describe}; {@code Location::unknown} for none) */
    public StackWalker(X64Unwinder unwinder, LongFunction<Location> describer, StackLimits limits) {
        this(unwinder, describer, limits, rip -> Optional.empty());
    }

    /**
     * @param userSpace given the first user-mode return address of a walk that left the kernel, a
     *                  walker whose unwinder knows that code (kernel modules too), or empty
     */
    public StackWalker(X64Unwinder unwinder, LongFunction<Location> describer, StackLimits limits,
                       LongFunction<Optional<StackWalker>> userSpace) {
        super(describer, limits);
        this.unwinder = unwinder;
        this.userSpace = userSpace;
    }

    @Override
    UnwindStep unwind(Registers regs, UnwindStep previous) {
        return unwinder.unwind(regs);
    }

    @Override
    Registers caller(UnwindStep step) {
        return step.caller();
    }

    @Override
    long instructionPointer(Registers regs) {
        return regs.rip();
    }

    @Override
    boolean knows(long rip) {
        return unwinder.functions().isKnownCode(rip);
    }

    @Override
    StackFrame frame(int number, Registers regs, UnwindStep step) {
        OptionalLong returnAddress = step == null ? OptionalLong.empty() : OptionalLong.of(step.caller().rip());
        return StackFrame.of(number, regs.rsp(), returnAddress, describe(regs.rip()));
    }

    @Override
    String badStackPointer(Registers callee, UnwindStep step) {
        Registers caller = step.caller();
        long rsp = caller.rsp();
        if ((rsp & 7) != 0) {
            return "caller RSP " + Hex.u64(rsp) + " not 8-byte aligned (frame RSP " + Hex.u64(callee.rsp()) + ")";
        }
        boolean stackSwitch = step.method() == UnwindMethod.MACHINE_FRAME
                || isKernel(callee.rip()) != isKernel(caller.rip());
        if (stackSwitch) {
            return null; // interrupt and system-call frames move to another stack, often a lower one
        }
        if (Long.compareUnsigned(rsp, callee.rsp()) <= 0) {
            return "caller RSP " + Hex.u64(rsp) + " not above frame RSP " + Hex.u64(callee.rsp());
        }
        if (isKernel(caller.rip()) && !limits().allows(rsp)) {
            return "caller RSP " + Hex.u64(rsp) + " outside the stack limits " + limits().ranges();
        }
        return null;
    }

    @Override
    Optional<StackWalker> userSpace(long rip) {
        return userSpace.apply(rip);
    }

    @Override
    String address(long value) {
        return Hex.u64(value);
    }
}
