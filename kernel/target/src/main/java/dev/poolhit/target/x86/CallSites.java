package dev.poolhit.target.x86;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;

/**
 * Whether a value is a plausible x86 return address: it lies in a known module and the bytes just
 * before it decode as a CALL ({@code E8 rel32}, or {@code FF /2} with any ModRM/SIB/displacement
 * form). Used to validate FRAMEDATA results, the EBP chain and the heuristic scan.
 */
final class CallSites {
    private static final int LONGEST_CALL = 7;

    private CallSites() {}

    static boolean isReturnAddress(VirtualMemory memory, FrameDataSource modules, long address) {
        if (!modules.knows(address)) {
            return false;
        }
        byte[] code;
        try {
            code = memory.read(X86Registers.canonical(address - LONGEST_CALL), LONGEST_CALL);
        } catch (TargetException e) {
            return false; // unreadable code is no evidence of a call
        }
        if ((code[LONGEST_CALL - 5] & 0xff) == 0xe8) {
            return true;
        }
        for (int length = 2; length <= LONGEST_CALL; length++) {
            int at = LONGEST_CALL - length;
            int modrm = code[at + 1] & 0xff;
            if ((code[at] & 0xff) == 0xff && ((modrm >> 3) & 7) == 2
                    && indirectCallLength(modrm, code[Math.min(at + 2, LONGEST_CALL - 1)] & 0xff) == length) {
                return true;
            }
        }
        return false;
    }

    /** Length of {@code FF /2} with this ModRM (and SIB byte, when the ModRM has one). */
    static int indirectCallLength(int modrm, int sib) {
        int mod = modrm >> 6;
        int rm = modrm & 7;
        if (mod == 3) {
            return 2;
        }
        boolean hasSib = rm == 4;
        int length = 2 + (hasSib ? 1 : 0);
        if (mod == 1) {
            return length + 1;
        }
        if (mod == 2) {
            return length + 4;
        }
        if (rm == 5 || (hasSib && (sib & 7) == 5)) {
            return length + 4;
        }
        return length;
    }
}
