package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.List;
import java.util.Optional;

/**
 * Prints frames exactly as WinDbg's {@code k} does: x64 columns Child-SP/RetAddr/Call Site; x86
 * (when the frames are {@link Machine#X86}) columns ChildEBP/RetAddr and the call site, 8-digit
 * addresses, no Call Site heading (kd-protocol.md 12.7). After an x86 row whose return address was
 * found by scanning the stack, WinDbg's warning line {@link #SCAN_WARNING} says the rest is a guess.
 */
public final class StackRenderer {
    public static final String K_HEADER = "Child-SP          RetAddr           Call Site";
    public static final String K_HEADER_X86 = "ChildEBP RetAddr";
    /** Shown in the RetAddr column when a frame could not be unwound. */
    public static final String UNKNOWN_ADDRESS = "????????`????????";
    public static final String UNKNOWN_ADDRESS_X86 = "????????";
    public static final String SCAN_WARNING = "WARNING: Stack unwind information not available. Following frames may be wrong.";

    private StackRenderer() {}

    /** Header line then one line per frame, each ending in a newline. */
    public static String k(List<StackFrame> frames) {
        boolean x86 = !frames.isEmpty() && frames.get(0).machine() == Machine.X86;
        StringBuilder out = new StringBuilder(x86 ? K_HEADER_X86 : K_HEADER).append('\n');
        for (StackFrame f : frames) {
            out.append(row(f)).append('\n');
            if (f.method().equals(Optional.of(UnwindMethod.SCAN))) {
                out.append(SCAN_WARNING).append('\n');
            }
        }
        return out.toString();
    }

    public static String row(StackFrame f) {
        if (f.machine() == Machine.X86) {
            String ret = f.returnAddress().isPresent() ? Hex.u32(f.returnAddress().getAsLong()) : UNKNOWN_ADDRESS_X86;
            return Hex.u32(f.childSp()) + " " + ret + " " + f.callSite();
        }
        String ret = f.returnAddress().isPresent() ? Hex.u64(f.returnAddress().getAsLong()) : UNKNOWN_ADDRESS;
        return Hex.u64(f.childSp()) + " " + ret + " " + f.callSite();
    }
}
