package dev.poolhit.pool.live;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.stack.StackFrame;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The home-slot trick (domain.md 4.5): {@code ExAllocatePoolWithTag} and {@code ExFreePoolWithTag}
 * spill their register arguments to the caller-allocated home slots MSVC-style, so once unwound
 * the arguments sit at the caller's Child-SP + 0/8/0x10. This is compiler-dependent, so the slots
 * are read only after the function's first bytes are checked to be exactly that spill.
 */
final class HomeSlots {
    /** mov [rsp+8],rcx; mov [rsp+10h],rdx; mov [rsp+18h],r8d */
    static final byte[] ALLOC_SPILL = bytes(0x48, 0x89, 0x4c, 0x24, 0x08, 0x48, 0x89, 0x54, 0x24, 0x10,
            0x44, 0x89, 0x44, 0x24, 0x18);
    /** mov [rsp+8],rcx; mov [rsp+10h],edx */
    static final byte[] FREE_SPILL = bytes(0x48, 0x89, 0x4c, 0x24, 0x08, 0x89, 0x54, 0x24, 0x10);

    private final KdTarget target;
    private final Map<Long, Boolean> verified = new HashMap<>();

    HomeSlots(KdTarget target) {
        this.target = target;
    }

    /** An argument read from a home slot, and the return address of the frame that spilled it. */
    record Args(long value, OptionalLong returnAddress) {}

    /** NumberOfBytes of {@code nt!ExAllocatePoolWithTag}, or null when not provable. */
    Args allocation(List<StackFrame> stack) {
        return read(stack, "ExAllocatePoolWithTag", ALLOC_SPILL, 8);
    }

    /** P of {@code nt!ExFreePoolWithTag}, or null when not provable. */
    Args free(List<StackFrame> stack) {
        return read(stack, "ExFreePoolWithTag", FREE_SPILL, 0);
    }

    private Args read(List<StackFrame> stack, String function, byte[] spill, int slot) {
        for (int i = 0; i + 1 < stack.size(); i++) {
            StackFrame f = stack.get(i);
            OptionalLong entry = entryOf(f, i == 0, function);
            if (entry.isPresent() && f.returnAddress().isPresent()) {
                if (!spills(entry.getAsLong(), spill)) {
                    return null;
                }
                try {
                    long value = target.memory().u64(stack.get(i + 1).childSp() + slot);
                    return new Args(value, f.returnAddress());
                } catch (TargetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The entry of {@code nt!function} when frame {@code f} runs inside it. The owning function
     * (the chain root of the frame's RUNTIME_FUNCTION) is asked, not the frame's symbol: a check
     * site in a cold stub chained to the function has no name of its own, yet its frame is the
     * function's frame. A caller frame's IP is a return address, which may sit just past the
     * function's last byte, so it is looked up one byte back.
     */
    private OptionalLong entryOf(StackFrame f, boolean top, String function) {
        long ip = top ? f.instructionPointer() : f.instructionPointer() - 1;
        return target.owningFunction(ip)
                .filter(l -> l.module().filter("nt"::equals).isPresent() && l.function().filter(function::equals).isPresent())
                .map(l -> OptionalLong.of(l.address()))
                .orElse(OptionalLong.empty());
    }

    private boolean spills(long entry, byte[] spill) {
        return verified.computeIfAbsent(entry, e -> {
            try {
                return Arrays.equals(target.read(e, spill.length), spill);
            } catch (TargetException ex) {
                return false;
            }
        });
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
