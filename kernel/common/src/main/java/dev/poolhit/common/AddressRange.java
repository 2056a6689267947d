package dev.poolhit.common;

/**
 * A range of unsigned 64-bit addresses, {@code [start, end)}. Comparisons are unsigned, so kernel
 * addresses ({@code fffff800`...}) order above user addresses.
 */
public record AddressRange(long start, long end) {
    public AddressRange {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("range end " + Hex.u64(end) + " before start " + Hex.u64(start));
        }
    }

    public static AddressRange ofSize(long start, long size) {
        return new AddressRange(start, start + size);
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    @Override
    public String toString() {
        return Hex.u64(start) + " - " + Hex.u64(end);
    }
}
