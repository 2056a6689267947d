package dev.poolhit.target.unwind;

/** How one frame was unwound. */
public enum UnwindMethod {
    /** No RUNTIME_FUNCTION: a leaf, RIP = [RSP]. */
    LEAF,
    /** RIP was inside an epilog, simulated forward from the code bytes. */
    EPILOG,
    /** The UNWIND_INFO codes (and chain) were reversed, then the return address popped. */
    UNWIND_CODES,
    /** A UWOP_PUSH_MACHFRAME restored RIP and RSP from an interrupt/trap machine frame. */
    MACHINE_FRAME
}
