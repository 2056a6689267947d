package dev.poolhit.pool.trace;

import dev.poolhit.target.AddressStyle;
import java.util.Objects;

/**
 * One frame of a hit's stack, as a row of WinDbg's {@code k}: the frame's {@code Child-SP}, its
 * {@code RetAddr} (the next frame's IP), its own IP, and the symbolized call site
 * ({@code module!function+0xoffset}). Values that were not recovered are {@link Missing}.
 *
 * @param childSp       RSP after the frame's prologue ({@code Child-SP}), or {@link Missing#LONG}
 * @param returnAddress where this frame returns to ({@code RetAddr}), or {@link Missing#LONG}
 * @param ip            the instruction pointer in this frame, or {@link Missing#LONG}
 * @param module        module name without extension ({@code nt}, {@code myfault}), or missing
 * @param function      symbol name, or missing when only {@code module+0xoff} is known
 * @param offset        offset from the function (or from the module base without a function)
 * @param callSite      the text WinDbg shows; kept verbatim for frames read from a kd log
 */
public record Frame(long childSp, long returnAddress, long ip, String module, String function,
                    long offset, String callSite) {
    public Frame {
        Objects.requireNonNull(module, "module (use Missing.TEXT)");
        Objects.requireNonNull(function, "function (use Missing.TEXT)");
        Objects.requireNonNull(callSite, "callSite (use Missing.TEXT)");
    }

    /** A frame whose call-site text is formatted from its parts ({@link CallSites#format}). */
    public static Frame of(long childSp, long returnAddress, long ip, String module, String function,
                           long offset) {
        return of(childSp, returnAddress, ip, module, function, offset, AddressStyle.X64);
    }

    /** {@link #of(long, long, long, String, String, long)} on a machine whose bare addresses print as {@code style}. */
    public static Frame of(long childSp, long returnAddress, long ip, String module, String function,
                           long offset, AddressStyle style) {
        return new Frame(childSp, returnAddress, ip, module, function, offset,
                CallSites.format(module, function, offset, ip, style));
    }
}
