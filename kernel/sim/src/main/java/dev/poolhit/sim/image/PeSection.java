package dev.poolhit.sim.image;

/**
 * One IMAGE_SECTION_HEADER (40 bytes): where the section lives in memory (RVA, VirtualSize) and in
 * the file (PointerToRawData, SizeOfRawData).
 */
public record PeSection(String name, long virtualAddress, long virtualSize, long rawPointer, long rawSize,
                        long characteristics) {
    /** Bytes of the file copied into memory: the smaller of raw and virtual size (the rest is zero). */
    public long mappedFileBytes() {
        return virtualSize == 0 ? rawSize : Math.min(rawSize, virtualSize);
    }

    public boolean containsRva(long rva) {
        long size = Math.max(virtualSize, rawSize);
        return rva >= virtualAddress && rva < virtualAddress + size;
    }
}
