package dev.poolhit.pool.live;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.stack.StackFrame;
import java.util.List;
import java.util.OptionalLong;

/**
 * The x86 counterpart of {@link HomeSlots}: {@code ExAllocatePoolWithTag(PoolType, NumberOfBytes,
 * Tag)} and {@code ExFreePoolWithTag(P, Tag)} are stdcall, so their arguments sit on the stack
 * right above their return address (EBP+8.. of their frames). A value is taken only when that
 * slot is proven: the dword at ChildEBP+4 is the frame's return address, and the Tag argument is
 * the armed tag (a free through {@code ExFreePool} passes Tag 0: then the block's POOL_HEADER tag
 * must be the armed tag). A callee that reused its parameter slots fails these checks: missing.
 */
final class StackArgs {
    private static final long TAG_MASK = 0x7fffffffL;
    private static final int POOL_HEADER_TAG = 4;
    private static final int POOL_HEADER_BYTES = 8;
    private static final long PAGE_MASK = 0xfff;

    private final KdTarget target;
    private final PoolTag armed;

    StackArgs(KdTarget target, PoolTag armed) {
        this.target = target;
        this.armed = armed;
    }

    /** NumberOfBytes of {@code nt!ExAllocatePoolWithTag}, or null when not provable. */
    HomeSlots.Args allocation(List<StackFrame> stack) {
        return read(stack, "ExAllocatePoolWithTag", true);
    }

    /** P of {@code nt!ExFreePoolWithTag}, or null when not provable. */
    HomeSlots.Args free(List<StackFrame> stack) {
        return read(stack, "ExFreePoolWithTag", false);
    }

    private HomeSlots.Args read(List<StackFrame> stack, String function, boolean alloc) {
        for (int i = 0; i < stack.size(); i++) {
            StackFrame f = stack.get(i);
            if (f.returnAddress().isEmpty() || !isFunction(f, i == 0, function)) {
                continue;
            }
            try {
                long slot = f.childSp() + 4; // ChildEBP + 4: the return address, arguments above it
                VirtualMemory m = target.memory();
                if ((int) m.u32(slot) != (int) f.returnAddress().getAsLong()) {
                    return null;
                }
                return alloc ? allocation(m, slot, f.returnAddress()) : free(m, slot, f.returnAddress());
            } catch (TargetException e) {
                return null;
            }
        }
        return null;
    }

    private HomeSlots.Args allocation(VirtualMemory m, long slot, OptionalLong ret) {
        if (!isArmed(m.u32(slot + 12))) {
            return null;
        }
        return new HomeSlots.Args(m.u32(slot + 8), ret);
    }

    private HomeSlots.Args free(VirtualMemory m, long slot, OptionalLong ret) {
        long p = (int) m.u32(slot + 4);
        long tag = m.u32(slot + 8);
        boolean proven = isArmed(tag) || (tag == 0 && (p & PAGE_MASK) != 0
                && isArmed(m.u32(p - POOL_HEADER_BYTES + POOL_HEADER_TAG)));
        return proven ? new HomeSlots.Args(p, ret) : null;
    }

    private boolean isArmed(long tag) {
        return armed != null && (tag & TAG_MASK) == (armed.value() & TAG_MASK);
    }

    /** Whether the frame runs in {@code nt!function} (its owner, looked up one byte back for a return address). */
    private boolean isFunction(StackFrame f, boolean top, String function) {
        long ip = top ? f.instructionPointer() : f.instructionPointer() - 1;
        return target.owningFunction(ip).filter(l -> l.module().filter("nt"::equals).isPresent()
                && l.function().filter(function::equals).isPresent()).isPresent();
    }
}
