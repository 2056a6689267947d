package dev.poolhit.sim.images;

import dev.poolhit.common.LittleEndian;

/**
 * The PE image checksum as the loader checks it for kernel-mode images: the file summed as 16-bit
 * little-endian words with end-around carry, the CheckSum field itself counted as 0, plus the file
 * length. The field sits at optional header offset 64 in PE32 and PE32+ alike.
 */
final class PeChecksum {
    private PeChecksum() {}

    /** The file offset of the optional header's CheckSum field. */
    static int field(byte[] image) {
        return LittleEndian.i32(image, 0x3c) + 24 + 64;
    }

    static long compute(byte[] image) {
        int field = field(image);
        long sum = 0;
        for (int i = 0; i < image.length; i += 2) {
            int word = i >= field && i < field + 4 ? 0
                    : LittleEndian.u8(image, i) | (i + 1 < image.length ? LittleEndian.u8(image, i + 1) << 8 : 0);
            sum += word;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum + image.length;
    }
}
