package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.ScenarioFrame;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.workload.PoolEvent;
import dev.poolhit.sim.workload.PoolEventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Register and home-slot values the images' code would have at each point: arguments at function
 * entries (x64 calling convention), the check sites' register contract (sim-images pool.s:
 * alloc RAX = block, RBX = bytes, EDI = tag, ESI = PoolType; free RBX = P, EDI = tag, RSI = block
 * bytes), RAX = block on return from an allocator, and the MSVC-style home-slot spills of
 * ExAllocatePoolWithTag (RCX, RDX, R8) and ExFreePoolWithTag (RCX, EDX).
 */
final class PointRegisters {
    private static final Set<String> ALLOCATORS = Set.of("ExAllocatePoolWithTag", "ExpAllocateSmallPool",
            "ExpAllocateBigPool");
    private static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSI = 6, RDI = 7, R8 = 8;

    private PointRegisters() {}

    /** @param x86 stack-passed arguments: nothing goes into registers at function entries */
    static void apply(long[] regs, ExecutionPoint point, PoolEvent event, String caller, boolean x86) {
        long block = event.block().address();
        long tag = event.block().tag() & 0xffffffffL;
        switch (point.kind()) {
            case ENTRY -> {
                long[] args = x86 ? new long[0] : arguments(point.function(), event, caller);
                if (args.length > 0) {
                    regs[RCX] = args[0];
                }
                if (args.length > 1) {
                    regs[RDX] = args[1];
                }
                if (args.length > 2) {
                    regs[R8] = args[2];
                }
            }
            case CHECK, AFTER_CHECK -> {
                if (event.kind() == PoolEventKind.ALLOC) {
                    regs[RAX] = block;
                    regs[RBX] = event.block().size();
                    regs[RDI] = tag;
                    regs[RSI] = event.block().poolType();
                } else {
                    regs[RBX] = block;
                    regs[RDI] = tag;
                    regs[RSI] = blockBytes(event, x86);
                }
            }
            case RETURN -> {
                if (ALLOCATORS.contains(point.function())) {
                    regs[RAX] = block;
                }
            }
            default -> { }
        }
    }

    /**
     * x64: spilled home-slot values per scenario frame (null where the function spills nothing);
     * x86: the stdcall arguments of every allocator frame, above its return address.
     */
    static List<long[]> homeArgs(List<ScenarioFrame> frames, PoolEvent event, boolean x86) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            String f = frames.get(i).function();
            String caller = i == 0 ? "" : frames.get(i - 1).function();
            boolean spills = f.equals("ExAllocatePoolWithTag") || f.equals("ExFreePoolWithTag")
                    || x86 && (ALLOCATORS.contains(f) || f.equals("ExpFreeBigPool"));
            out.add(spills ? arguments(f, event, caller) : null);
        }
        return out;
    }

    private static long[] arguments(String function, PoolEvent event, String caller) {
        long block = event.block().address();
        long tag = event.block().tag() & 0xffffffffL;
        if (ALLOCATORS.contains(function)) {
            return new long[] {event.block().poolType(), event.block().size(), tag};
        }
        if (function.equals("ExFreePoolWithTag")) {
            return new long[] {block, caller.equals("ExFreePool") ? 0 : tag};
        }
        return new long[] {block};
    }

    private static long blockBytes(PoolEvent event, boolean x86) {
        int size = event.block().size();
        boolean big = (event.block().address() & 0xfff) == 0;
        int unit = x86 ? PoolAllocator.X86_HEADER_SIZE : PoolAllocator.HEADER_SIZE;
        return big ? size : (size + unit + unit - 1) / unit * (long) unit;
    }
}
