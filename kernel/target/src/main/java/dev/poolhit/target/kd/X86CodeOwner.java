package dev.poolhit.target.kd;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.Symbolizer;
import java.util.Optional;

/**
 * The function that owns x86 code, where there is no .pdata to chain a cold fragment to its parent:
 * the public symbol at or below the address, except for a cold PoolHitTag stub ({@code int 3; jmp
 * back}), which sits behind an unrelated public (the string literals at the end of .text) and
 * belongs to the function its {@code jmp} returns into (x86 image README: inline stubs).
 */
final class X86CodeOwner {
    private static final byte INT3 = (byte) 0xcc;
    private static final byte JMP_REL8 = (byte) 0xeb;
    private static final byte JMP_REL32 = (byte) 0xe9;

    private X86CodeOwner() {}

    /** The owning function's start, symbolized; empty where no function name covers the code. */
    static Optional<Location> owner(VirtualMemory memory, Symbolizer symbols, long address) {
        long code = stubReturn(memory, address).orElse(address);
        Location l = symbols.describe(code);
        if (l.function().isEmpty() || l.offset().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(symbols.describe(code - l.offset().getAsLong()));
    }

    /** Where {@code int 3; jmp back} at {@code address} jumps to; empty for other code. */
    static Optional<Long> stubReturn(VirtualMemory memory, long address) {
        byte[] b;
        try {
            b = memory.read(address, 6);
        } catch (TargetException e) {
            return Optional.empty(); // near the end of a mapping: not a stub we can follow
        }
        if (b[0] != INT3) {
            return Optional.empty();
        }
        if (b[1] == JMP_REL8) {
            return Optional.of(Arch.canonical32(address + 3 + b[2]));
        }
        if (b[1] == JMP_REL32) {
            return Optional.of(Arch.canonical32(address + 6 + LittleEndian.i32(b, 2)));
        }
        return Optional.empty();
    }
}
