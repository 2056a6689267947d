package dev.poolhit.sim.kernel;

import dev.poolhit.sim.memory.SparseMemory;
import java.nio.charset.StandardCharsets;

/**
 * Writes UNICODE_STRING (Length u16, MaximumLength u16, Buffer: at +8 on x64 (16 bytes), at +4 on
 * x86 (8 bytes)) with its UTF-16LE buffer.
 */
final class UnicodeStrings {
    private UnicodeStrings() {}

    /** Allocates the buffer (a terminating NUL counted in MaximumLength only) and fills the header at {@code at}. */
    static void write(KernelLayout layout, SparseMemory memory, BumpAllocator boot, long at, String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        long buffer = boot.allocate(utf16.length + 2L, 8);
        memory.writeFully(buffer, utf16);
        memory.put16(at, utf16.length);
        memory.put16(at + 2, utf16.length + 2);
        layout.putPointer(memory, at + layout.pointerBytes(), buffer);
    }
}
