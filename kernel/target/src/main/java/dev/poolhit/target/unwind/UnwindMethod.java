package dev.poolhit.target.unwind;

/** How one frame was unwound (x64 values first, then the x86 ones). */
public enum UnwindMethod {
    /** No RUNTIME_FUNCTION (x64), or no FRAMEDATA in a leaf or frameless function (x86): return address at [RSP]/[ESP]. */
    LEAF,
    /** RIP was inside an epilog, simulated forward from the code bytes. */
    EPILOG,
    /** The UNWIND_INFO codes (and chain) were reversed, then the return address popped. */
    UNWIND_CODES,
    /** A UWOP_PUSH_MACHFRAME restored RIP and RSP from an interrupt/trap machine frame. */
    MACHINE_FRAME,
    /** x86: the PDB FRAMEDATA program of the function ran (FPO or EBP frame, incl. a cold stub's parent). */
    FRAME_DATA,
    /** x86: plain EBP chain, EIP = [EBP+4], EBP = [EBP], ESP = EBP+8. */
    FRAME_POINTER,
    /** x86: a KTRAP_FRAME at EBP gave the interrupted EIP, EBP and ESP. */
    TRAP_FRAME,
    /** x86 last resort: the return address was found by scanning the stack; this and later frames may be wrong. */
    SCAN
}
