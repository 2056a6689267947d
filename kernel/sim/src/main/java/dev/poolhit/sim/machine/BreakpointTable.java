package dev.poolhit.sim.machine;

import dev.poolhit.sim.memory.SparseMemory;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The debugger's software breakpoints with Windows (ROS-KD64) semantics: 32 slots; writing saves
 * the original byte and puts {@code 0xCC} in memory, so ordinary reads show it like on real memory;
 * the handle is slot index + 1; a duplicate address, a full table or unmapped memory fail (handle
 * 0 on the wire). {@link #readOriginal} gives the bytes with breakpoints hidden, for the state
 * change's instruction stream. Not thread-safe: owned by the machine.
 */
public final class BreakpointTable {
    public static final int CAPACITY = 32;
    public static final byte INT3 = (byte) 0xcc;

    private final SparseMemory memory;
    private final long[] addresses = new long[CAPACITY];
    private final byte[] originals = new byte[CAPACITY];
    private final boolean[] used = new boolean[CAPACITY];

    public BreakpointTable(SparseMemory memory) {
        this.memory = memory;
    }

    /** WriteBreakPoint: the handle, or empty when the table is full, the address taken or unmapped. */
    public OptionalInt write(long address) {
        int free = -1;
        for (int i = 0; i < CAPACITY; i++) {
            if (used[i] && addresses[i] == address) {
                return OptionalInt.empty();
            }
            if (!used[i] && free < 0) {
                free = i;
            }
        }
        byte[] original = new byte[1];
        if (free < 0 || memory.read(address, original, 0, 1) != 1) {
            return OptionalInt.empty();
        }
        used[free] = true;
        addresses[free] = address;
        originals[free] = original[0];
        memory.write(address, new byte[] {INT3}, 0, 1);
        return OptionalInt.of(free + 1);
    }

    /** RestoreBreakPoint: puts the original byte back and frees the slot; false for an invalid or free handle. */
    public boolean restore(int handle) {
        int i = handle - 1;
        if (i < 0 || i >= CAPACITY || !used[i]) {
            return false;
        }
        used[i] = false;
        memory.write(addresses[i], new byte[] {originals[i]}, 0, 1);
        return true;
    }

    public boolean isSet(long address) {
        for (int i = 0; i < CAPACITY; i++) {
            if (used[i] && addresses[i] == address) {
                return true;
            }
        }
        return false;
    }

    public int count() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }

    /** Reads like {@link SparseMemory#read} but shows each breakpoint's saved byte instead of 0xCC. */
    public int readOriginal(long address, byte[] into, int offset, int length) {
        int got = memory.read(address, into, offset, length);
        for (int i = 0; i < CAPACITY; i++) {
            long delta = addresses[i] - address;
            if (used[i] && delta >= 0 && delta < got) {
                into[offset + (int) delta] = originals[i];
            }
        }
        return got;
    }

    /** Forgets every breakpoint without touching memory (the machine rebooted). */
    public void clear() {
        Arrays.fill(used, false);
    }
}
