package dev.poolhit.target.unwind;

import dev.poolhit.common.Hex;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.pe.RuntimeFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Unwinds one x64 frame the way RtlVirtualUnwind does (domain.md 4.2): leaf, epilog simulation,
 * or reversing the UNWIND_INFO codes through any chain, then popping the return address unless a
 * machine frame supplied RIP. Memory should be the break-epoch cache with breakpoints masked.
 */
public final class X64Unwinder {
    /** Longer chains than this do not occur in real images; past it the chain is treated as corrupt. */
    public static final int MAX_CHAIN_DEPTH = 32;

    private final VirtualMemory memory;
    private final FunctionTable functions;

    public X64Unwinder(VirtualMemory memory, FunctionTable functions) {
        this.memory = memory;
        this.functions = functions;
    }

    public FunctionTable functions() {
        return functions;
    }

    public UnwindStep unwind(Registers regs) {
        Optional<FunctionEntry> entry = functions.lookup(regs.rip());
        if (entry.isEmpty()) {
            long ret = memory.u64(regs.rsp());
            return new UnwindStep(regs.withRsp(regs.rsp() + 8).withRip(ret), UnwindMethod.LEAF, List.of());
        }
        FunctionEntry fn = entry.get();
        UnwindInfo info = UnwindInfo.read(memory, fn.imageBase() + fn.function().unwindInfoAddress());
        long offset = regs.rip() - fn.begin();
        if (Long.compareUnsigned(offset, info.sizeOfProlog()) >= 0) {
            Optional<Registers> epilog = EpilogSimulator.tryUnwind(memory, regs, info, fn);
            if (epilog.isPresent()) {
                return new UnwindStep(epilog.get(), UnwindMethod.EPILOG, List.of());
            }
        }
        return applyCodes(regs, fn, info);
    }

    /** The primary (non-chained) function of {@code entry}: the parent of a cold or split fragment. */
    public RuntimeFunction chainRoot(FunctionEntry entry) {
        RuntimeFunction current = entry.function();
        UnwindInfo info = UnwindInfo.read(memory, entry.imageBase() + current.unwindInfoAddress());
        ChainGuard guard = new ChainGuard(entry);
        while (info.chained().isPresent()) {
            current = info.chained().get();
            guard.visit(current);
            info = UnwindInfo.read(memory, entry.imageBase() + current.unwindInfoAddress());
        }
        return current;
    }

    private UnwindStep applyCodes(Registers start, FunctionEntry fn, UnwindInfo primary) {
        CodeInterpreter run = new CodeInterpreter(memory, start);
        ChainGuard guard = new ChainGuard(fn);
        RuntimeFunction current = fn.function();
        UnwindInfo info = primary;
        while (true) {
            long offset = start.rip() - (fn.imageBase() + current.beginAddress());
            if (run.apply(info, offset)) {
                return new UnwindStep(run.registers(), UnwindMethod.MACHINE_FRAME, run.xmm());
            }
            if (info.chained().isEmpty()) {
                break;
            }
            current = info.chained().get();
            guard.visit(current);
            info = UnwindInfo.read(memory, fn.imageBase() + current.unwindInfoAddress());
        }
        Registers r = run.registers();
        long ret = memory.u64(r.rsp());
        return new UnwindStep(r.withRsp(r.rsp() + 8).withRip(ret), UnwindMethod.UNWIND_CODES, run.xmm());
    }

    /** Refuses a chain that revisits an UNWIND_INFO or grows past {@link #MAX_CHAIN_DEPTH}. */
    private static final class ChainGuard {
        private final FunctionEntry start;
        private final Set<Long> seen = new HashSet<>();
        private final List<String> path = new ArrayList<>();

        ChainGuard(FunctionEntry start) {
            this.start = start;
            seen.add(start.function().unwindInfoAddress());
        }

        void visit(RuntimeFunction next) {
            if (!seen.add(next.unwindInfoAddress())) {
                throw new UnwindException(String.format(
                        "unwind chain loop: UNWIND_INFO rva 0x%x revisited after %d link(s), function rva 0x%x-0x%x (image base %s)",
                        next.unwindInfoAddress(), seen.size(), start.function().beginAddress(),
                        start.function().endAddress(), Hex.u64(start.imageBase())));
            }
            if (seen.size() > MAX_CHAIN_DEPTH) {
                throw new UnwindException(String.format(
                        "unwind chain too deep: more than %d links, function rva 0x%x-0x%x (image base %s)",
                        MAX_CHAIN_DEPTH, start.function().beginAddress(), start.function().endAddress(),
                        Hex.u64(start.imageBase())));
            }
        }
    }
}
