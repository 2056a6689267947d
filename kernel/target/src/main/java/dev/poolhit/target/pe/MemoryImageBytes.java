package dev.poolhit.target.pe;

import dev.poolhit.target.memory.VirtualMemory;

/** A PE image as mapped in target memory at {@code imageBase}; reads may throw MemoryAccessException. */
record MemoryImageBytes(VirtualMemory memory, long imageBase, String label) implements ImageBytes {
    @Override
    public byte[] read(long offset, int length) {
        return memory.read(imageBase + offset, length);
    }

    @Override
    public boolean mapped() {
        return true;
    }
}
