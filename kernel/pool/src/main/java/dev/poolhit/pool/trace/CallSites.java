package dev.poolhit.pool.trace;

import dev.poolhit.common.Hex;

/** Call-site text as WinDbg prints it in the {@code Call Site} column of {@code k}. */
public final class CallSites {
    private CallSites() {}

    /**
     * {@code nt!ExAllocatePoolWithTag+0x82e}; {@code myfault+0x1634} without a function;
     * {@code nt!KiSystemCall64} at offset 0; the bare address {@code fffff800`014798f6} without a
     * module; missing when nothing is known.
     */
    public static String format(String module, String function, long offset, long ip) {
        if (Missing.is(module)) {
            return Missing.is(ip) ? Missing.TEXT : Hex.u64(ip);
        }
        String base = Missing.is(function) ? module : module + "!" + function;
        if (Missing.is(offset)) {
            return base;
        }
        return offset == 0 && !Missing.is(function) ? base : base + "+" + Hex.offset(offset);
    }
}
