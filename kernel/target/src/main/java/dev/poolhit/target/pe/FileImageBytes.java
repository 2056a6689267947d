package dev.poolhit.target.pe;

import dev.poolhit.target.PeFormatException;
import java.util.Arrays;

/** A PE file held in memory, in file layout. */
record FileImageBytes(byte[] contents, String label) implements ImageBytes {
    @Override
    public byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > contents.length) {
            throw new PeFormatException(String.format(
                    "truncated: need 0x%x bytes at file offset 0x%x, file size 0x%x (%s)",
                    length, offset, contents.length, label));
        }
        return Arrays.copyOfRange(contents, (int) offset, (int) offset + length);
    }

    @Override
    public boolean mapped() {
        return false;
    }
}
