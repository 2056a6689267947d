package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.unwind.UnwindMethod;
import dev.poolhit.target.unwind.UnwindStep;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Walks an x64 stack from a register context, frame by frame, as {@code k} does. Each caller RSP
 * must be 8-aligned, inside the stack limits and above the callee's; a machine frame may switch
 * stacks (interrupt, or the kernel-to-user boundary). The walk continues into user mode while the
 * code belongs to a known module and stops cleanly otherwise.
 */
public final class StackWalker {
    private final X64Unwinder unwinder;
    private final LongFunction<Location> describer;
    private final StackLimits limits;
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
        this.unwinder = unwinder;
        this.describer = describer;
        this.limits = limits;
        this.userSpace = userSpace;
    }

    public StackLimits limits() {
        return limits;
    }

    public List<StackFrame> walk(Registers initial, int maxFrames) {
        return trace(initial, maxFrames).frames();
    }

    public StackTrace trace(Registers initial, int maxFrames) {
        List<StackFrame> frames = new ArrayList<>();
        Registers regs = initial;
        StackWalker current = this;
        for (int n = 0; n < maxFrames; n++) {
            UnwindStep step;
            try {
                step = current.unwinder.unwind(regs);
            } catch (TargetException e) {
                frames.add(current.frame(n, regs, OptionalLong.empty()));
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.UNWIND_FAILED, e.getMessage()));
            }
            Registers caller = step.caller();
            frames.add(current.frame(n, regs, OptionalLong.of(caller.rip())));
            if (caller.rip() == 0) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.END_OF_STACK, "return address 0"));
            }
            String bad = badStackPointer(regs, caller, step.method());
            if (bad != null) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.BAD_STACK_POINTER, bad));
            }
            if (isKernel(regs.rip()) && !isKernel(caller.rip()) && !current.knows(caller.rip())) {
                current = userSpace.apply(caller.rip()).filter(w -> w.knows(caller.rip())).orElse(null);
                if (current == null) {
                    if (n + 1 < maxFrames) {
                        frames.add(frame(n + 1, caller, OptionalLong.empty()));
                    }
                    return new StackTrace(frames, new StackEnd(StackEnd.Reason.USER_MODE_UNKNOWN,
                            "user-mode return address " + Hex.u64(caller.rip()) + " is in no known module"));
                }
            }
            regs = caller;
        }
        return new StackTrace(frames, new StackEnd(StackEnd.Reason.DEPTH_LIMIT, maxFrames + " frames"));
    }

    private boolean knows(long rip) {
        return unwinder.functions().isKnownCode(rip);
    }

    private String badStackPointer(Registers callee, Registers caller, UnwindMethod method) {
        long rsp = caller.rsp();
        if ((rsp & 7) != 0) {
            return "caller RSP " + Hex.u64(rsp) + " not 8-byte aligned (frame RSP " + Hex.u64(callee.rsp()) + ")";
        }
        boolean stackSwitch = method == UnwindMethod.MACHINE_FRAME || isKernel(callee.rip()) != isKernel(caller.rip());
        if (stackSwitch) {
            return null; // interrupt and system-call frames move to another stack, often a lower one
        }
        if (Long.compareUnsigned(rsp, callee.rsp()) <= 0) {
            return "caller RSP " + Hex.u64(rsp) + " not above frame RSP " + Hex.u64(callee.rsp());
        }
        if (isKernel(caller.rip()) && !limits.allows(rsp)) {
            return "caller RSP " + Hex.u64(rsp) + " outside the stack limits " + limits.ranges();
        }
        return null;
    }

    private StackFrame frame(int number, Registers regs, OptionalLong returnAddress) {
        return StackFrame.of(number, regs.rsp(), returnAddress, describer.apply(regs.rip()));
    }

    /** Canonical kernel-half addresses have the top bit set. */
    static boolean isKernel(long address) {
        return address < 0;
    }
}
