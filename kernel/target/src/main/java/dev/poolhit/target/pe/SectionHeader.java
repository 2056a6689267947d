package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;

/** IMAGE_SECTION_HEADER (40 bytes); also what a PDB's DBI section-header stream holds. */
public record SectionHeader(String name, long virtualSize, long virtualAddress, long sizeOfRawData,
        long pointerToRawData, long characteristics) {
    public static final int BYTES = 40;

    public static SectionHeader decode(byte[] b, int off) {
        int len = 0;
        while (len < 8 && b[off + len] != 0) {
            len++;
        }
        return new SectionHeader(new String(b, off, len, StandardCharsets.ISO_8859_1),
                LittleEndian.u32(b, off + 8), LittleEndian.u32(b, off + 12), LittleEndian.u32(b, off + 16),
                LittleEndian.u32(b, off + 20), LittleEndian.u32(b, off + 36));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, b, 0, Math.min(8, n.length));
        LittleEndian.put32(b, 8, virtualSize);
        LittleEndian.put32(b, 12, virtualAddress);
        LittleEndian.put32(b, 16, sizeOfRawData);
        LittleEndian.put32(b, 20, pointerToRawData);
        LittleEndian.put32(b, 36, characteristics);
        return b;
    }

    /** Extent in the mapped image: the larger of virtual and raw size (linkers leave either at 0). */
    public long mappedSize() {
        return Math.max(virtualSize, sizeOfRawData);
    }
}
