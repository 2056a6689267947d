package dev.poolhit.target.stack;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.symbol.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The walk both machines share, as {@code k} does it: frame by frame from a register set until the
 * return address is 0, a frame cannot be unwound, the caller's stack pointer breaks the machine's
 * rule, the walk leaves the kernel for code that no walker knows, or the frame limit is reached. A
 * subclass gives one machine's part: its registers {@code R}, how one frame unwinds into a step
 * {@code S}, the row a frame makes and which caller stack pointers are sane. When the walk goes on
 * into user mode, the user-space walker unwinds and names the frames while this walker's limits
 * and names still judge and end the walk.
 */
abstract class FrameWalker<R, S> {
    private final LongFunction<Location> describer;
    private final StackLimits limits;

    FrameWalker(LongFunction<Location> describer, StackLimits limits) {
        this.describer = describer;
        this.limits = limits;
    }

    public StackLimits limits() {
        return limits;
    }

    public List<StackFrame> walk(R initial, int maxFrames) {
        return trace(initial, maxFrames).frames();
    }

    public StackTrace trace(R initial, int maxFrames) {
        List<StackFrame> frames = new ArrayList<>();
        R regs = initial;
        FrameWalker<R, S> current = this;
        S previous = null;
        for (int n = 0; n < maxFrames; n++) {
            S step;
            try {
                step = current.unwind(regs, previous);
            } catch (TargetException e) {
                frames.add(current.frame(n, regs, null));
                return end(frames, StackEnd.Reason.UNWIND_FAILED, e.getMessage());
            }
            R caller = caller(step);
            long returnAddress = instructionPointer(caller);
            frames.add(current.frame(n, regs, step));
            if (returnAddress == 0) {
                return end(frames, StackEnd.Reason.END_OF_STACK, "return address 0");
            }
            String bad = badStackPointer(regs, step);
            if (bad != null) {
                return end(frames, StackEnd.Reason.BAD_STACK_POINTER, bad);
            }
            if (isKernel(instructionPointer(regs)) && !isKernel(returnAddress) && !current.knows(returnAddress)) {
                current = userSpace(returnAddress).filter(w -> w.knows(returnAddress)).orElse(null);
                if (current == null) {
                    return userModeUnknown(frames, n + 1, caller, maxFrames);
                }
            }
            previous = step;
            regs = caller;
        }
        return end(frames, StackEnd.Reason.DEPTH_LIMIT, maxFrames + " frames");
    }

    /** Unwinds the frame of {@code regs}; {@code previous} is the step that led to it, null for the first frame. */
    abstract S unwind(R regs, S previous);

    abstract R caller(S step);

    abstract long instructionPointer(R regs);

    /** Whether this walker's unwinder knows the code at {@code address}. */
    abstract boolean knows(long address);

    /** The row of the frame of {@code regs}; {@code step} is null when it could not be unwound. */
    abstract StackFrame frame(int number, R regs, S step);

    /** Why the caller's stack pointer after {@code step} cannot follow the callee's, or null when it can. */
    abstract String badStackPointer(R callee, S step);

    /** A walker for the user-mode code at {@code address} that a walk leaving the kernel reached, or empty. */
    abstract Optional<? extends FrameWalker<R, S>> userSpace(long address);

    /** An address as this machine prints it. */
    abstract String address(long value);

    final Location describe(long address) {
        return describer.apply(address);
    }

    /** Kernel-half addresses are negative: canonical on x64, sign-extended from bit 31 on x86. */
    static boolean isKernel(long address) {
        return address < 0;
    }

    private StackTrace userModeUnknown(List<StackFrame> frames, int number, R caller, int maxFrames) {
        if (number < maxFrames) {
            frames.add(frame(number, caller, null));
        }
        return end(frames, StackEnd.Reason.USER_MODE_UNKNOWN,
                "user-mode return address " + address(instructionPointer(caller)) + " is in no known module");
    }

    private static StackTrace end(List<StackFrame> frames, StackEnd.Reason reason, String detail) {
        return new StackTrace(frames, new StackEnd(reason, detail));
    }
}
