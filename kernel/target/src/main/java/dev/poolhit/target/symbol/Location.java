package dev.poolhit.target.symbol;

import dev.poolhit.common.Hex;
import dev.poolhit.target.AddressStyle;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An address described for people: module, function and offset, each missing when unknown
 * ({@code offset} is from the function when there is one, else from the module base).
 */
public record Location(long address, Optional<String> module, Optional<String> function, OptionalLong offset) {
    public static Location unknown(long address) {
        return new Location(address, Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    /** WinDbg call-site text: {@code nt!ExAllocatePoolWithTag+0x82e}, {@code myfault+0x1634}, or the raw address. */
    public String text() {
        return text(AddressStyle.X64);
    }

    /** {@link #text()} with a raw address written as {@code style} does ({@code 0x82800000} on x86). */
    public String text(AddressStyle style) {
        if (module.isEmpty()) {
            return "0x" + style.text(address);
        }
        String base = function.map(f -> module.get() + "!" + f).orElse(module.get());
        long off = offset.orElse(0);
        return off == 0 && function.isPresent() ? base : base + "+" + Hex.offset(off);
    }
}
