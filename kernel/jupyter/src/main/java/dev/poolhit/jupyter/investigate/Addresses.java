package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.jupyter.magic.MagicCall;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.kd.KdTarget;
import java.util.OptionalLong;

/**
 * Reads an address argument: hex ({@code fffff800`02a00000}, {@code 0x...}; on an x86 target also
 * {@code 82800000}, sign-extended as the model holds it) or a symbol ({@code nt!PoolHitTag}).
 */
final class Addresses {
    private Addresses() {}

    static long hex(MagicCall call, String what, String text) {
        if (!text.chars().allMatch(c -> c < 0x80)) { // Hex.parseAddress would take Unicode digits (٣ = 3)
            throw call.usageError(what + ": not a hex address: '" + text + "'");
        }
        try {
            return Hex.parseAddress(text);
        } catch (NumberFormatException e) {
            throw call.usageError(what + ": " + e.getMessage());
        }
    }

    /** {@code value} as {@link #hex} read it, in the target's model form (x86: sign-extended from bit 31). */
    static long onTarget(MagicCall call, AddressStyle style, String what, long value) {
        try {
            return style.canonical(value);
        } catch (NumberFormatException e) {
            throw call.usageError(what + ": " + e.getMessage());
        }
    }

    /** Whether {@code text} names a symbol ({@code nt!PoolHitTag}), which needs the target to resolve. */
    static boolean isSymbol(String text) {
        return text.contains("!");
    }

    static long resolve(MagicCall call, KdTarget target, String text) {
        if (!isSymbol(text)) {
            return onTarget(call, target.addressStyle(), "ADDR", hex(call, "ADDR", text));
        }
        OptionalLong at = target.resolve(text);
        if (at.isEmpty()) {
            throw new InvestigationException("SymbolNotFound", "cannot resolve '" + text
                    + "': no such symbol in the loaded modules; %symbols shows what each module has");
        }
        return at.getAsLong();
    }
}
