package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.CodeFunction;
import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.UnwindOp;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.memory.SparseMemory;
import dev.poolhit.sim.workload.ExpectedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays a call chain out on a thread's stacks by replaying each function's prolog forward from its
 * real unwind data: the call pushes the return address, PUSH_NONVOL stores the caller's register
 * value, ALLOC moves RSP, SAVE_NONVOL stores at establisher frame + offset, SET_FPREG sets the frame
 * register, PUSH_MACHFRAME writes RIP/CS/RFLAGS/RSP/SS of the interrupted (user or idle) code.
 * Saved registers then get fresh values in the callee, so an unwinder that restores them recovers
 * each caller's values. The innermost frame may stop at its first instruction (prolog not run).
 */
final class StackWriter implements StackBuilder {
    private static final long USER_LIMIT = 0x0000800000000000L;
    private static final int USER_CS = 0x33;
    private static final int USER_SS = 0x2b;
    private static final long DYNAMIC_ALLOCA = 0x40;

    private final SparseMemory memory;
    private final CodeMap code;

    StackWriter(SparseMemory memory, CodeMap code) {
        this.memory = memory;
        this.code = code;
    }

    /** Where the chain ended up: the innermost register state and the frames from outermost inward. */
    record Layout(long[] registers, List<ExpectedFrame> frames, List<Long> childSps) {}

    /**
     * @param ips              instruction pointers, outermost first; each but the last is a return address
     * @param innermostEntered false when the innermost function is at its first instruction
     * @param homeArgs         values the innermost established frames spill to their home slots, by ip index (may be null)
     */
    @Override
    public Layout write(SimThread thread, long userStackTop, List<Long> ips, boolean innermostEntered,
                        List<long[]> homeArgs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] regs = new long[16];
        for (int r = 0; r < 16; r++) {
            regs[r] = plausible(random, thread);
        }
        List<ExpectedFrame> frames = new ArrayList<>();
        List<Long> childSps = new ArrayList<>();
        long rsp = 0;
        for (int i = 0; i < ips.size(); i++) {
            long ip = ips.get(i);
            CodeFunction fn = code.functionAt(ip).orElse(null);
            List<UnwindOp> ops = fn == null ? List.of() : fn.unwind().prolog();
            boolean machineFrame = fn != null && fn.unwind().machineFrame();
            if (machineFrame) {
                long previousIp = i == 0 ? 0 : ips.get(i - 1);
                long previousRsp = i == 0 ? userStackTop : rsp;
                boolean fromUser = Long.compareUnsigned(previousIp, USER_LIMIT) < 0;
                rsp = fromUser ? thread.initialStack() : previousRsp & ~0xfL;
                rsp = pushMachineFrame(rsp, ops, previousIp, previousRsp, fromUser);
            } else if (i == 0) {
                rsp = (Long.compareUnsigned(ip, USER_LIMIT) < 0 ? userStackTop : thread.initialStack()) - 8;
                memory.put64(rsp, 0);
            } else {
                rsp -= 8;
                memory.put64(rsp, ips.get(i - 1));
            }
            boolean established = i < ips.size() - 1 || innermostEntered;
            if (established) {
                long entryRsp = rsp;
                rsp = replayProlog(rsp, ops, regs, random, thread);
                boolean framePointer = ops.stream().anyMatch(o -> o.kind() == UnwindOp.Kind.SET_FPREG);
                if (framePointer && !machineFrame) {
                    rsp -= DYNAMIC_ALLOCA; // alloca below the fixed frame: only the frame register finds it
                }
                long[] home = homeArgs == null || i >= homeArgs.size() ? null : homeArgs.get(i);
                for (int a = 0; home != null && a < home.length; a++) {
                    memory.put64(entryRsp + 8 + 8L * a, home[a]);
                }
            }
            childSps.add(rsp);
            frames.add(new ExpectedFrame(code.describe(ip), ip));
        }
        regs[4] = rsp;
        return new Layout(regs, frames, childSps);
    }

    private long pushMachineFrame(long rsp, List<UnwindOp> ops, long rip, long oldRsp, boolean fromUser) {
        long errorCode = ops.stream().filter(o -> o.kind() == UnwindOp.Kind.PUSH_MACHFRAME)
                .mapToLong(UnwindOp::amount).findFirst().orElse(0);
        rsp -= 0x28;
        memory.put64(rsp, rip);
        memory.put64(rsp + 8, fromUser ? USER_CS : Context.KERNEL_CS);
        memory.put64(rsp + 0x10, 0x246);
        memory.put64(rsp + 0x18, oldRsp);
        memory.put64(rsp + 0x20, fromUser ? USER_SS : Context.KERNEL_SS);
        if (errorCode != 0) {
            rsp -= 8;
            memory.put64(rsp, 0);
        }
        return rsp;
    }

    private long replayProlog(long rsp, List<UnwindOp> ops, long[] regs, SplittableRandom random, SimThread t) {
        long establisher = Long.MIN_VALUE;
        long cursor = rsp;
        for (UnwindOp op : ops) {
            switch (op.kind()) {
                case PUSH_NONVOL -> {
                    cursor -= 8;
                    memory.put64(cursor, regs[op.register()]);
                }
                case ALLOC -> cursor -= op.amount();
                case SET_FPREG -> establisher = cursor;
                default -> { }
            }
        }
        long base = establisher != Long.MIN_VALUE ? establisher : cursor;
        for (UnwindOp op : ops) {
            if (op.kind() == UnwindOp.Kind.SAVE_NONVOL) {
                memory.put64(base + op.amount(), regs[op.register()]);
            }
        }
        for (UnwindOp op : ops) {
            if (op.kind() == UnwindOp.Kind.PUSH_NONVOL || op.kind() == UnwindOp.Kind.SAVE_NONVOL) {
                regs[op.register()] = plausible(random, t);
            }
            if (op.kind() == UnwindOp.Kind.SET_FPREG) {
                regs[op.register()] = base + op.amount();
            }
        }
        return cursor;
    }

    /** A register value that looks like a kernel pointer or a small integer, deterministic per seed. */
    private static long plausible(SplittableRandom random, SimThread thread) {
        return switch (random.nextInt(3)) {
            case 0 -> 0xfffffa8000000000L | (random.nextLong(0x10000000L) & ~0xfL);
            case 1 -> thread.ethread();
            default -> random.nextInt(0x1000);
        };
    }
}
