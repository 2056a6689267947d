package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.stack.StackEnd;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * The plain x86 EBP-chain walk (kd-protocol.md 12.7 step 3), used until the FrameData walker is
 * plugged in: frame 0 at a break routine ({@code int 3; ret}) or a function's first byte returns to
 * [ESP]; every other frame returns to [EBP+4] with the caller's EBP at [EBP]. Frames of functions
 * without a frame pointer (FPO) are not seen. Child-SP is the frame's ESP.
 */
final class FramePointerWalk implements X86StackWalk {
    private final VirtualMemory memory;
    private final LongFunction<Location> describer;

    FramePointerWalk(VirtualMemory memory, LongFunction<Location> describer) {
        this.memory = memory;
        this.describer = describer;
    }

    @Override
    public StackTrace trace(Registers registers, int maxFrames) {
        List<StackFrame> frames = new ArrayList<>();
        long eip = registers.rip();
        long esp = registers.get(Reg.RSP);
        long ebp = registers.get(Reg.RBP);
        for (int n = 0; n < maxFrames; n++) {
            long ret;
            long callerEsp;
            long callerEbp;
            try {
                if (n == 0 && returnsFromStack(eip)) {
                    ret = Arch.canonical32(memory.u32(esp));
                    callerEsp = esp + 4;
                    callerEbp = ebp;
                } else {
                    ret = Arch.canonical32(memory.u32(ebp + 4));
                    callerEbp = Arch.canonical32(memory.u32(ebp));
                    callerEsp = ebp + 8;
                }
            } catch (TargetException e) {
                frames.add(frame(n, esp, OptionalLong.empty(), eip));
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.UNWIND_FAILED, e.getMessage()));
            }
            frames.add(frame(n, esp, OptionalLong.of(ret), eip));
            if (ret == 0) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.END_OF_STACK, "return address 0"));
            }
            if (Long.compareUnsigned(callerEsp, esp) <= 0) {
                return new StackTrace(frames, new StackEnd(StackEnd.Reason.BAD_STACK_POINTER, "caller ESP "
                        + Hex.u64(callerEsp) + " not above frame ESP " + Hex.u64(esp)));
            }
            eip = ret;
            esp = callerEsp;
            ebp = callerEbp;
        }
        return new StackTrace(frames, new StackEnd(StackEnd.Reason.DEPTH_LIMIT, maxFrames + " frames"));
    }

    /** {@code int 3; ret} / {@code int 3; ret n} (DbgBreakPoint and kin), or the first byte of a named function. */
    private boolean returnsFromStack(long eip) {
        Location l = describer.apply(eip);
        if (l.function().isPresent() && l.offset().orElse(-1) == 0) {
            return true;
        }
        byte[] b = memory.read(eip, 2);
        return b[0] == (byte) 0xcc && (b[1] == (byte) 0xc3 || b[1] == (byte) 0xc2);
    }

    private StackFrame frame(int n, long esp, OptionalLong ret, long eip) {
        Location site = describer.apply(eip);
        return new StackFrame(n, esp, ret, eip, site.module(), site.function(), site.offset());
    }
}
