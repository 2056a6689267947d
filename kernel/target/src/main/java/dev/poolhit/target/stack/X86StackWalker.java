package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.UnwindMethod;
import dev.poolhit.target.x86.X86Registers;
import dev.poolhit.target.x86.X86UnwindStep;
import dev.poolhit.target.x86.X86Unwinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Walks a 32-bit x86 stack from a register set, frame by frame, as WinDbg's {@code k} does; the
 * x86 counterpart of {@link StackWalker} with the same shape. Each caller ESP must be 4-aligned,
 * inside the stack limits and above the callee's, except across a trap frame (which may switch
 * stacks, e.g. kernel to user at a sysenter). The walk continues into user mode through the
 * {@code userSpace} hook while the code belongs to a known module and stops cleanly otherwise.
 * Frames are {@link Machine#X86}; ChildEBP is in {@link StackFrame#childSp()}, the unwind method
 * in {@link StackFrame#method()}.
 */
public final class X86StackWalker {
    private final X86Unwinder unwinder;
    private final LongFunction<Location> describer;
    private final StackLimits limits;
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
        this.unwinder = unwinder;
        this.describer = describer;
        this.limits = limits;
        this.userSpace = userSpace;
    }

    public StackLimits limits() {
        return limits;
    }

    public List<StackFrame> walk(X86Registers initial, int maxFrames) {
        return trace(initial, maxFrames).frames();
    }

    public StackTrace trace(X86Registers initial, int maxFrames) {
        List<StackFrame> frames = new ArrayList<>();
        X86Registers regs = initial;
        X86StackWalker current = this;
        boolean exact = true;
        long calleeParams = 0;
        for (int n = 0; n < maxFrames; n++) {
            X86UnwindStep step;
            try {
                step = current.unwinder.unwind(regs, exact, calleeParams);
            } catch (TargetException e) {
                frames.add(current.frame(n, regs.ebp(), regs, OptionalLong.empty(), Optional.empty()));
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.UNWIND_FAILED, e.getMessage()));
            }
            X86Registers caller = step.caller();
            frames.add(current.frame(n, step.frameBase(), regs, OptionalLong.of(caller.eip()), Optional.of(step.method())));
            if (caller.eip() == 0) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.END_OF_STACK, "return address 0"));
            }
            String bad = badStackPointer(regs, caller, step.method());
            if (bad != null) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.BAD_STACK_POINTER, bad));
            }
            if (X86Registers.isKernel(regs.eip()) && !X86Registers.isKernel(caller.eip()) && !current.knows(caller.eip())) {
                current = userSpace.apply(caller.eip()).filter(w -> w.knows(caller.eip())).orElse(null);
                if (current == null) {
                    if (n + 1 < maxFrames) {
                        frames.add(frame(n + 1, caller.ebp(), caller, OptionalLong.empty(), Optional.empty()));
                    }
                    return new StackTrace(frames, new StackEnd(StackEnd.Reason.USER_MODE_UNKNOWN,
                            "user-mode return address " + Hex.u32(caller.eip()) + " is in no known module"));
                }
            }
            exact = step.method() == UnwindMethod.TRAP_FRAME;
            calleeParams = step.paramsSize();
            regs = caller;
        }
        return new StackTrace(frames, new StackEnd(StackEnd.Reason.DEPTH_LIMIT, maxFrames + " frames"));
    }

    private boolean knows(long eip) {
        return unwinder.frames().knows(eip);
    }

    private String badStackPointer(X86Registers callee, X86Registers caller, UnwindMethod method) {
        long esp = caller.esp();
        if ((esp & 3) != 0) {
            return "caller ESP " + Hex.u32(esp) + " not 4-byte aligned (frame ESP " + Hex.u32(callee.esp()) + ")";
        }
        if (method == UnwindMethod.TRAP_FRAME || X86Registers.isKernel(callee.eip()) != X86Registers.isKernel(caller.eip())) {
            return null; // a trap frame may move to another stack (kernel to user, interrupt stacks)
        }
        if (Long.compareUnsigned(X86Registers.u32(esp), X86Registers.u32(callee.esp())) <= 0) {
            return "caller ESP " + Hex.u32(esp) + " not above frame ESP " + Hex.u32(callee.esp());
        }
        if (X86Registers.isKernel(caller.eip()) && !limits.allows(esp)) {
            return "caller ESP " + Hex.u32(esp) + " outside the stack limits " + limits.ranges().stream()
                    .map(r -> "[" + Hex.u32(r.start()) + "-" + Hex.u32(r.end()) + ")").collect(Collectors.joining(", "));
        }
        return null;
    }

    private StackFrame frame(int number, long childEbp, X86Registers regs, OptionalLong returnAddress,
                             Optional<UnwindMethod> method) {
        return StackFrame.of(number, childEbp, returnAddress, describer.apply(regs.eip()), Machine.X86, method);
    }
}
