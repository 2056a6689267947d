package dev.poolhit.target.stack;

import dev.poolhit.common.Hex;
import java.util.List;

/** Prints frames exactly as WinDbg's {@code k} does on x64. */
public final class StackRenderer {
    public static final String K_HEADER = "Child-SP          RetAddr           Call Site";
    /** Shown in the RetAddr column when a frame could not be unwound. */
    public static final String UNKNOWN_ADDRESS = "????????`????????";

    private StackRenderer() {}

    /** Header line then one line per frame, each ending in a newline. */
    public static String k(List<StackFrame> frames) {
        StringBuilder out = new StringBuilder(K_HEADER).append('\n');
        for (StackFrame f : frames) {
            out.append(row(f)).append('\n');
        }
        return out.toString();
    }

    public static String row(StackFrame f) {
        String ret = f.returnAddress().isPresent() ? Hex.u64(f.returnAddress().getAsLong()) : UNKNOWN_ADDRESS;
        return Hex.u64(f.childSp()) + " " + ret + " " + f.callSite();
    }
}
