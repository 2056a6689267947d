package dev.poolhit.target.x86;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.pdb.FrameData;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one frame's FRAMEDATA program. {@code .raSearch} starts at ESP + the callee's ParamsSize +
 * LocalSize + SavedRegsSize (the stdcall arguments the callee has not popped yet, then this
 * frame's locals and pushes), and moves up at most {@link X86Unwinder#RA_SEARCH_RESCAN} dwords
 * while the program's EIP is no return address (breakpad's rescan).
 */
final class FrameDataUnwind {
    private final X86Unwinder unwinder;
    private final X86Registers regs;
    private final FrameDataHit hit;

    FrameDataUnwind(X86Unwinder unwinder, X86Registers regs, FrameDataHit hit) {
        this.unwinder = unwinder;
        this.regs = regs;
        this.hit = hit;
    }

    /** The step, or empty with the reason added to {@code failures} (then other methods are tried). */
    Optional<X86UnwindStep> run(long calleeParams, List<String> failures) {
        FrameData d = hit.entry().data();
        String where = "FRAMEDATA at RVA 0x" + Long.toHexString(d.rvaStart());
        FrameProgram program;
        Map<String, Long> out = null;
        try {
            program = FrameProgram.parse(hit.entry().program());
            long start = X86Registers.u32(regs.esp()) + calleeParams + d.localSize() + d.savedRegsSize();
            int tries = program.text().contains(".raSearch") ? X86Unwinder.RA_SEARCH_RESCAN + 1 : 1;
            Map<String, Long> end = null;
            for (int i = 0; i < tries; i++) {
                out = program.run(inputs(d, start, start + 4L * i), unwinder::dword);
                boolean above = out.get("$esp") > X86Registers.u32(regs.esp());
                if (above && unwinder.isReturnAddress(out.get("$eip"))) {
                    return Optional.of(step(out, d));
                }
                if (above && i == 0 && out.get("$eip") == 0) {
                    end = out; // the bottom of the stack, unless a return address follows within the rescan
                }
            }
            if (end != null) {
                return Optional.of(step(end, d));
            }
        } catch (TargetException e) {
            failures.add(where + ": " + e.getMessage());
            return Optional.empty();
        }
        failures.add(where + ": EIP " + Hex.u32(out.get("$eip")) + " from \"" + program.text()
                + "\" is no return address above ESP " + Hex.u32(regs.esp()));
        return Optional.empty();
    }

    private Map<String, Long> inputs(FrameData d, long raSearchStart, long raSearch) {
        Map<String, Long> in = new HashMap<>();
        in.put("$eip", regs.eip());
        in.put("$esp", regs.esp());
        in.put("$ebp", regs.ebp());
        in.put("$ebx", regs.ebx());
        in.put("$esi", regs.esi());
        in.put("$edi", regs.edi());
        in.put(".raSearchStart", raSearchStart);
        in.put(".raSearch", raSearch);
        in.put(".cbLocals", d.localSize());
        in.put(".cbParams", d.paramsSize());
        in.put(".cbSavedRegs", (long) d.savedRegsSize());
        return in;
    }

    private X86UnwindStep step(Map<String, Long> out, FrameData d) {
        X86Registers caller = new X86Registers(out.get("$eip"), out.get("$esp"), out.get("$ebp"), out.get("$ebx"),
                out.get("$esi"), out.get("$edi"));
        return new X86UnwindStep(caller, UnwindMethod.FRAME_DATA, caller.esp() - 8, d.paramsSize());
    }
}
