package dev.poolhit.sim.image;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bounds-checked little-endian reads on a PE file's bytes. */
final class PeReader {
    private final String name;
    private final byte[] bytes;

    PeReader(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    int u16(int offset) {
        check(offset, 2);
        return LittleEndian.u16(bytes, offset);
    }

    long u32(int offset) {
        check(offset, 4);
        return LittleEndian.u32(bytes, offset);
    }

    long u64(int offset) {
        check(offset, 8);
        return LittleEndian.u64(bytes, offset);
    }

    byte[] slice(int offset, int length) {
        check(offset, length);
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    String cString(int offset) {
        int end = offset;
        while (true) {
            check(end, 1);
            if (bytes[end] == 0) {
                break;
            }
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private void check(int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new ImageFormatException("truncated image: need 0x" + Integer.toHexString(length)
                    + " bytes at file offset 0x" + Integer.toHexString(offset) + ", file size 0x"
                    + Integer.toHexString(bytes.length) + " (" + name + ")");
        }
    }
}
