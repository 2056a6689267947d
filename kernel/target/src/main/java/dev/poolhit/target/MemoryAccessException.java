package dev.poolhit.target;

import dev.poolhit.common.Hex;

/** Target memory at {@link #address()} could not be read (not present, paged out, or no such mapping). */
public final class MemoryAccessException extends TargetException {
    private final long address;

    public MemoryAccessException(long address) {
        this(address, "memory access failed: cannot read " + Hex.u64(address));
    }

    public MemoryAccessException(long address, String message) {
        super(message);
        this.address = address;
    }

    /** The first address that could not be read. */
    public long address() {
        return address;
    }
}
