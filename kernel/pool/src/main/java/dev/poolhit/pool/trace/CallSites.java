package dev.poolhit.pool.trace;

import dev.poolhit.common.Hex;
import dev.poolhit.target.AddressStyle;

/** Call-site text as WinDbg prints it in the {@code Call Site} column of {@code k}. */
public final class CallSites {
    private CallSites() {}

    /**
     * {@code nt!ExAllocatePoolWithTag+0x82e}; {@code myfault+0x1634} without a function;
     * {@code nt!KiSystemCall64} at offset 0; the bare address {@code fffff800`014798f6} without a
     * module; missing when nothing is known.
     */
    public static String format(String module, String function, long offset, long ip) {
        return format(module, function, offset, ip, AddressStyle.X64);
    }

    /** {@link #format(String, String, long, long)} with a bare address in {@code style} ({@code 82800000} on x86). */
    public static String format(String module, String function, long offset, long ip, AddressStyle style) {
        if (Missing.is(module)) {
            return Missing.is(ip) ? Missing.TEXT : style.text(ip);
        }
        String base = Missing.is(function) ? module : module + "!" + function;
        if (Missing.is(offset)) {
            return base;
        }
        return offset == 0 && !Missing.is(function) ? base : base + "+" + Hex.offset(offset);
    }
}
