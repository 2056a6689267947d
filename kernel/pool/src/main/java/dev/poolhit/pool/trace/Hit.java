package dev.poolhit.pool.trace;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.AddressStyle;
import java.util.List;
import java.util.Objects;

/**
 * One PoolHitTag break, as the debugger layer recovered it. Every value it could not recover is
 * {@link Missing} (never guessed); build one with {@link #builder()}, which starts all missing.
 *
 * @param time          when the break was seen, nanoseconds since the epoch (host clock)
 * @param kind          allocation or free
 * @param tag           the armed tag, or {@code null} when not recorded (e.g. a kd log)
 * @param size          the block size in bytes
 * @param address       the block address (what the allocation returned / the free was given)
 * @param processor     the processor that broke
 * @param thread        the {@code KTHREAD} address
 * @param process       the {@code EPROCESS} address
 * @param siteAddress   the {@code int 3} address
 * @param siteSymbol    the {@code int 3} address symbolized ({@code nt!ExDeferredFreePool+0xb57})
 * @param frames        the stack, innermost frame first (frame 0 is the break site)
 */
public record Hit(long time, HitKind kind, PoolTag tag, long size, long address, int processor,
                  long thread, long process, long siteAddress, String siteSymbol,
                  List<Frame> frames) {
    public Hit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(siteSymbol, "siteSymbol (use Missing.TEXT)");
        frames = List.copyOf(frames);
    }

    /** A builder with every value missing, kind {@link HitKind#UNKNOWN} and no frames. */
    public static HitBuilder builder() {
        return new HitBuilder();
    }

    /** The site as the {@code site} column shows it: the symbol, else the address, else missing. */
    public String siteText() {
        return siteText(AddressStyle.X64);
    }

    /** {@link #siteText()} with the address written as {@code style} does. */
    public String siteText(AddressStyle style) {
        if (!Missing.is(siteSymbol)) {
            return siteSymbol;
        }
        return Missing.is(siteAddress) ? Missing.TEXT : style.text(siteAddress);
    }
}
