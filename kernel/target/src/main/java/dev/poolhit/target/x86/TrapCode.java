package dev.poolhit.target.x86;

import dev.poolhit.target.symbol.Location;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * Recognises x86 kernel trap and interrupt entry code by name: there EBP points at a KTRAP_FRAME
 * and the walk continues at the interrupted EIP/EBP/ESP. Real kernels have no FRAMEDATA for these
 * entries (WinDbg relies on old-FPO FRAME_TRAP records or names), so the name is the evidence.
 */
public final class TrapCode {
    /** Undecorated names of the entry code that runs with EBP = trap frame. */
    public static final Pattern NAMES = Pattern.compile(
            "Ki(FastCallEntry2?|SystemService|SystemServiceCopyEnd|ServiceExit2?|SystemCallExit2?|Trap[0-9A-Fa-f]{2}"
                    + "|\\w*Interrupt\\w*|ExceptionExit|CallbackReturn)");

    private TrapCode() {}

    /** Whether the code at an address is trap entry code, judged from the describer's function name. */
    public static LongPredicate byName(LongFunction<Location> describer) {
        return address -> describer.apply(address).function().map(X86Names::undecorate)
                .filter(name -> NAMES.matcher(name).matches()).isPresent();
    }
}
