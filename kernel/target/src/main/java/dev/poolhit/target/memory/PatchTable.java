package dev.poolhit.target.memory;

import dev.poolhit.common.Hex;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bytes the debugger itself wrote into target code (breakpoint {@code 0xcc}, {@code 0x90}
 * patches over the pool {@code int 3} stubs), with the original byte under each. Readers see the
 * original code through {@link #mask}, so the unwinder's epilog check and disassembly never mistake
 * our own patches for the program (the .NET out-of-process unwinder's InstructionBuffer does the same).
 * Thread-safe.
 */
public final class PatchTable {
    private final NavigableMap<Long, Byte> originals = new TreeMap<>(Long::compareUnsigned);

    /** Remembers the original byte at {@code address}; a second patch of the same byte keeps the first original. */
    public synchronized void record(long address, byte original) {
        originals.putIfAbsent(address, original);
    }

    /** Forgets the patch at {@code address} (it was restored on the target). */
    public synchronized void remove(long address) {
        originals.remove(address);
    }

    public synchronized boolean isPatched(long address) {
        return originals.containsKey(address);
    }

    public synchronized int size() {
        return originals.size();
    }

    /** Overwrites every patched byte inside {@code [address, address + data.length)} with its original. */
    public synchronized void mask(long address, byte[] data) {
        if (originals.isEmpty() || data.length == 0) {
            return;
        }
        long last = address + data.length - 1;
        NavigableMap<Long, Byte> hits = Long.compareUnsigned(last, address) >= 0
                ? originals.subMap(address, true, last, true)
                : originals.tailMap(address, true); // range wraps past 2^64: only the low part can hit
        for (Map.Entry<Long, Byte> e : hits.entrySet()) {
            data[(int) (e.getKey() - address)] = e.getValue();
        }
    }

    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder("PatchTable[");
        originals.forEach((a, b) -> s.append(Hex.u64(a)).append('=').append(String.format("%02x ", b)));
        return s.append(']').toString();
    }
}
