package dev.poolhit.sim.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one RUNTIME_FUNCTION's UNWIND_INFO the way a strict unwinder reads it (x64 spec): the
 * CountOfCodes must equal the slots its ops use, the array is padded to an even slot count, and
 * chained info (the parent's RUNTIME_FUNCTION) sits right after that padded array. A lenient
 * reader (llvm-readobj) reads an op's extra slots past CountOfCodes, so it hides a short count.
 */
final class UnwindSlotCheck {
    private static final int UNW_FLAG_CHAININFO = 4;
    private static final int PUSH_MACHFRAME = 10;

    private UnwindSlotCheck() {
    }

    /** Slots one op occupies, or -1 for an op that version 1 unwind info does not define. */
    static int slotsOf(int op, int info) {
        return switch (op) {
            case 0, 2, 3, PUSH_MACHFRAME -> 1;           // PUSH_NONVOL, ALLOC_SMALL, SET_FPREG
            case 1 -> info == 0 ? 2 : info == 1 ? 3 : -1; // ALLOC_LARGE scaled 16-bit / unscaled 32-bit
            case 4, 8 -> 2;                               // SAVE_NONVOL, SAVE_XMM128
            case 5, 9 -> 3;                               // SAVE_NONVOL_FAR, SAVE_XMM128_FAR
            default -> -1;
        };
    }

    /** Every rule the function's unwind info breaks, as messages; empty when it is well-formed. */
    static List<String> problems(PeFile pe, PeFile.RuntimeFunction function, Set<PeFile.RuntimeFunction> pdata) {
        List<String> problems = new ArrayList<>();
        String context = " (" + pe.name() + " RUNTIME_FUNCTION " + function + ")";
        int info = function.unwindRva();
        if ((info & 3) != 0) {
            problems.add("UNWIND_INFO alignment: expected a multiple of 4, actual 0x"
                    + Integer.toHexString(info) + context);
        }
        int versionAndFlags = pe.u8(info);
        if ((versionAndFlags & 7) != 1) {
            problems.add("UNWIND_INFO version: expected 1, actual " + (versionAndFlags & 7) + context);
            return problems;
        }
        int count = pe.u8(info + 2);
        int used = walkCodes(pe, info, count, problems, context);
        if (used != count) {
            problems.add("unwind code count mismatch: CountOfCodes " + count + ", ops use " + used
                    + " slots" + context);
        }
        if (((versionAndFlags >> 3) & UNW_FLAG_CHAININFO) != 0) {
            int chainRva = info + 4 + 2 * ((count + 1) & ~1);
            PeFile.RuntimeFunction parent = pe.runtimeFunction(chainRva);
            if (!pdata.contains(parent)) {
                problems.add("chained RUNTIME_FUNCTION at the padded position 0x" + Integer.toHexString(chainRva)
                        + ": expected a .pdata entry, actual " + parent + context);
            }
        }
        return problems;
    }

    /** Walks the ops from slot 0 and returns the slot count they imply (stops past CountOfCodes). */
    private static int walkCodes(PeFile pe, int info, int count, List<String> problems, String context) {
        int prologSize = pe.u8(info + 1);
        int previousOffset = prologSize;
        int slot = 0;
        while (slot < count) {
            int codeRva = info + 4 + 2 * slot;
            int offset = pe.u8(codeRva);
            int op = pe.u8(codeRva + 1) & 0xf;
            int slots = slotsOf(op, pe.u8(codeRva + 1) >> 4);
            if (slots < 0) {
                problems.add("unwind op in slot " + slot + ": expected one of 0-5, 8-10, actual op " + op
                        + " info " + (pe.u8(codeRva + 1) >> 4) + context);
                return slot;
            }
            // Only PUSH_MACHFRAME describes the state on entry; any other op at offset 0 would be a
            // padding slot (or the chained entry) read as a code because CountOfCodes is too large.
            boolean offsetInProlog = offset <= previousOffset && (offset > 0 || op == PUSH_MACHFRAME);
            if (!offsetInProlog) {
                int lowest = op == PUSH_MACHFRAME ? 0 : 1;
                problems.add("unwind code prolog offset in slot " + slot + ": expected " + lowest + "..0x"
                        + Integer.toHexString(previousOffset) + " (descending), actual 0x"
                        + Integer.toHexString(offset) + context);
            }
            previousOffset = offset;
            slot += slots;
        }
        return slot;
    }
}
