package dev.poolhit.sim.memory;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.SimException;

/** An access touched an address no page is mapped at (a page fault on the real machine). */
public final class MemoryAccessException extends SimException {
    private final long address;

    public MemoryAccessException(String what, long address, int length) {
        super(what + ": address " + Hex.u64(address) + " not mapped (length 0x" + Integer.toHexString(length) + ")");
        this.address = address;
    }

    /** The first unmapped address. */
    public long address() {
        return address;
    }
}
