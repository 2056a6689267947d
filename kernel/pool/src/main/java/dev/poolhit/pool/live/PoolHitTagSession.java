package dev.poolhit.pool.live;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.kd.KdTarget;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * {@code nt!PoolHitTag} on a live target: where it is, what it holds, arming it with a tag, and
 * the {@link Restorer} that puts it back. The target must be broken in for reads and writes.
 * One caller thread (the restorer may also run from a shutdown hook).
 */
public final class PoolHitTagSession {
    /** Default wait for a stop after a break-in (restore, interrupt). */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final KdTarget target;
    private final long address;
    private final String locatedBy;
    private final Restorer restorer;
    private PoolTag armed;

    private PoolHitTagSession(KdTarget target, long address, String locatedBy) {
        this.target = target;
        this.address = address;
        this.locatedBy = locatedBy;
        this.restorer = new Restorer(target, STOP_TIMEOUT);
    }

    /** Finds {@code nt!PoolHitTag} through the kernel's symbols (it is not exported: a PDB is needed). */
    public static PoolHitTagSession locate(KdTarget target) {
        OptionalLong at = target.resolve("nt!PoolHitTag");
        if (at.isEmpty()) {
            throw new SymbolException("nt!PoolHitTag not found: it is not exported, so the kernel's PDB is needed"
                    + " (symbol status: " + target.symbolStatus() + "); give its address explicitly (--at) instead");
        }
        return new PoolHitTagSession(target, at.getAsLong(), "nt!PoolHitTag");
    }

    /** Uses an explicit address, for targets without symbols at hand. */
    public static PoolHitTagSession at(KdTarget target, long address) {
        return new PoolHitTagSession(target, address, "explicit address " + target.addressStyle().text(address));
    }

    /** The same PoolHitTag on a new link to the same target (the {@link Relinker} hands the owed value over). */
    static PoolHitTagSession continuing(KdTarget fresh, OwedRestore owed) {
        return new PoolHitTagSession(fresh, owed.poolHitTagAddress(), owed.locatedBy());
    }

    public KdTarget target() {
        return target;
    }

    public long address() {
        return address;
    }

    /** {@code nt!PoolHitTag} or {@code explicit address fffff800`02a04000}. */
    public String locatedBy() {
        return locatedBy;
    }

    /** The value PoolHitTag holds now (read from the target). */
    public PoolTag current() {
        return PoolTag.of((int) target.memory().u32(address));
    }

    /** The tag we armed last, or null. */
    public PoolTag armed() {
        return armed;
    }

    /**
     * Writes {@code tag} (protected bit stripped, as the kernel compares) and reads it back;
     * remembers the value it replaced the first time, for {@link Restorer}. Returns the previous value.
     */
    public PoolTag arm(PoolTag tag) {
        PoolTag value = tag.isIdle() ? tag : PoolTag.of(tag.value() & ~PoolTag.PROTECTED_BIT);
        PoolTag previous = current();
        restorer.savePoolHitTag(address, previous.value());
        byte[] bytes = new byte[4];
        LittleEndian.put32(bytes, 0, value.value());
        target.write(address, bytes);
        PoolTag back = current();
        if (back.value() != value.value()) {
            throw new MemoryAccessException(address, String.format("PoolHitTag write did not stick: wrote %s, read back"
                    + " %s at %s", value.hex(), back.hex(), target.addressStyle().text(address)));
        }
        armed = value;
        return previous;
    }

    public Restorer restorer() {
        return restorer;
    }

    /** A trace over this session (see {@link TraceRun}). */
    public TraceRun trace(TraceRequest request) {
        return new TraceRun(this, request);
    }
}
