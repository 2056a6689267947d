package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.VirtualMemory;
import java.util.ArrayList;
import java.util.List;

/** Reverses the effect of one UNWIND_INFO's codes on a register set (RtlpUnwindPrologue). */
final class CodeInterpreter {
    private static final long MACHFRAME_RSP_OFFSET = 0x18;

    private final VirtualMemory memory;
    private final List<XmmValue> xmm = new ArrayList<>();
    private Registers regs;

    CodeInterpreter(VirtualMemory memory, Registers start) {
        this.memory = memory;
        this.regs = start;
    }

    Registers registers() {
        return regs;
    }

    List<XmmValue> xmm() {
        return xmm;
    }

    /**
     * Applies the codes whose instruction has executed at {@code offset} from the function start
     * (inside the prolog only codes at or before the offset count). Returns true when a machine
     * frame ended the frame.
     */
    boolean apply(UnwindInfo info, long offset) {
        boolean inProlog = Long.compareUnsigned(offset, info.sizeOfProlog()) < 0;
        long frameBase = establisherFrame(info, offset, inProlog);
        for (UnwindCode code : info.codes()) {
            if (inProlog && code.codeOffset() > offset) {
                continue;
            }
            if (step(info, code, frameBase)) {
                return true;
            }
        }
        return false;
    }

    private boolean step(UnwindInfo info, UnwindCode code, long frameBase) {
        switch (code.op()) {
            case PUSH_NONVOL -> {
                regs = regs.with(code.register(), memory.u64(regs.rsp())).withRsp(regs.rsp() + 8);
            }
            case ALLOC_LARGE, ALLOC_SMALL -> regs = regs.withRsp(regs.rsp() + code.operand());
            case SET_FPREG -> {
                if (info.frameRegister() == 0) {
                    throw new UnwindException("UWOP_SET_FPREG with FrameRegister 0 (rip " + Hex.u64(regs.rip()) + ")");
                }
                regs = regs.withRsp(regs.get(Reg.of(info.frameRegister())) - info.scaledFrameOffset());
            }
            case SAVE_NONVOL, SAVE_NONVOL_FAR -> regs = regs.with(code.register(), memory.u64(frameBase + code.operand()));
            case SAVE_XMM128, SAVE_XMM128_FAR -> {
                long at = frameBase + code.operand();
                xmm.add(new XmmValue(code.opInfo(), memory.u64(at), memory.u64(at + 8)));
            }
            case PUSH_MACHFRAME -> {
                long rsp = regs.rsp() + (code.opInfo() == 1 ? 8 : 0); // error code pushed below the frame
                regs = regs.withRip(memory.u64(rsp)).withRsp(memory.u64(rsp + MACHFRAME_RSP_OFFSET));
                return true;
            }
            case EPILOG, SPARE_CODE -> {
                // version 2 epilog descriptors: epilogs are found from the code bytes instead
            }
        }
        return false;
    }

    /**
     * The RSP the prolog established, which SAVE offsets are relative to: the frame register minus
     * its offset once UWOP_SET_FPREG has executed, else the current RSP.
     */
    private long establisherFrame(UnwindInfo info, long offset, boolean inProlog) {
        if (info.frameRegister() == 0) {
            return regs.rsp();
        }
        long framePointer = regs.get(Reg.of(info.frameRegister())) - info.scaledFrameOffset();
        if (!inProlog || (info.flags() & UnwindInfo.FLAG_CHAININFO) != 0) {
            return framePointer;
        }
        for (UnwindCode code : info.codes()) {
            if (code.op() == UnwindOp.SET_FPREG) {
                return offset >= code.codeOffset() ? framePointer : regs.rsp();
            }
        }
        return regs.rsp();
    }
}
