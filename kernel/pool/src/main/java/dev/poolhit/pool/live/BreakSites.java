package dev.poolhit.pool.live;

import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import java.util.OptionalLong;

/**
 * Where a PoolHitTag break's check site is. Inline sites break on their own {@code int 3}: the
 * site is the stop's PC. Sites that call the break routine ({@code call DbgBreakPoint}, as the x86
 * kernel's check sites do) all stop on {@code nt!DbgBreakPoint}'s one {@code int 3}: the site, and
 * with it the kind, is the caller, found at the return address on top of the stack.
 */
final class BreakSites {
    private final KdTarget target;
    private OptionalLong breakRoutine;

    BreakSites(KdTarget target) {
        this.target = target;
    }

    /** The check site of a breakpoint stop: the caller of {@code nt!DbgBreakPoint}, else the PC. */
    long siteOf(Stop stop) {
        if (!viaBreakRoutine(stop)) {
            return stop.pc();
        }
        long sp = target.registers().rsp();
        return target.info().x86() ? (int) target.memory().u32(sp) : target.memory().u64(sp);
    }

    /** The stop is on {@code nt!DbgBreakPoint} (resolved once; a target without its name has none). */
    boolean viaBreakRoutine(Stop stop) {
        if (breakRoutine == null) {
            breakRoutine = target.resolve("nt!DbgBreakPoint");
        }
        return breakRoutine.isPresent() && breakRoutine.getAsLong() == stop.pc();
    }
}
