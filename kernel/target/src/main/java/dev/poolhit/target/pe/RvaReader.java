package dev.poolhit.target.pe;

import dev.poolhit.target.PeFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Reads by RVA from either layout, refusing anything outside SizeOfImage. In file layout an RVA is
 * translated through the section table; the part of a section past its raw data reads as zeros,
 * as the loader maps it.
 */
final class RvaReader {
    /** No directory of a real image comes near this; it bounds memory for hostile sizes. */
    static final long MAX_READ = 64L << 20;
    private final ImageBytes src;
    private final PeHeaders headers;

    RvaReader(ImageBytes src, PeHeaders headers) {
        this.src = src;
        this.headers = headers;
    }

    String label() {
        return src.label();
    }

    long sizeOfImage() {
        return headers.sizeOfImage();
    }

    byte[] read(long rva, long length, String what) {
        if (rva < 0 || length < 0 || rva + length > headers.sizeOfImage()) {
            throw new PeFormatException(String.format("%s: RVA range 0x%x+0x%x outside image size 0x%x (%s)",
                    what, rva, length, headers.sizeOfImage(), src.label()));
        }
        if (length > MAX_READ) {
            throw new PeFormatException(String.format("%s: 0x%x bytes at RVA 0x%x exceed the 0x%x-byte read limit (%s)",
                    what, length, rva, MAX_READ, src.label()));
        }
        if (src.mapped() || rva + length <= headers.sizeOfHeaders()) {
            return src.read(rva, (int) length);
        }
        SectionHeader s = sectionOf(rva, what);
        long inSection = rva - s.virtualAddress();
        if (inSection + length > s.mappedSize()) {
            throw new PeFormatException(String.format("%s: RVA range 0x%x+0x%x crosses the end of section %s (%s)",
                    what, rva, length, s.name(), src.label()));
        }
        byte[] out = new byte[(int) length];
        long fromFile = Math.max(0, Math.min(length, s.sizeOfRawData() - inSection));
        if (fromFile > 0) {
            System.arraycopy(src.read(s.pointerToRawData() + inSection, (int) fromFile), 0, out, 0, (int) fromFile);
        }
        return out;
    }

    /** A NUL-terminated ASCII string of at most {@code max} bytes at {@code rva}. */
    String cString(long rva, int max, String what) {
        StringBuilder text = new StringBuilder();
        long at = rva;
        while (text.length() < max) {
            long n = Math.min(32, Math.min(max - text.length(), contiguousBytesAt(at, what)));
            byte[] chunk = read(at, n, what);
            for (byte b : chunk) {
                if (b == 0) {
                    return text.toString();
                }
                text.append((char) (b & 0xff));
            }
            at += n;
        }
        throw new PeFormatException(String.format("%s: string at RVA 0x%x longer than %d bytes (%s)",
                what, rva, max, src.label()));
    }

    private long contiguousBytesAt(long rva, String what) {
        if (rva < 0 || rva >= headers.sizeOfImage()) {
            throw new PeFormatException(String.format("%s: RVA 0x%x outside image size 0x%x (%s)",
                    what, rva, headers.sizeOfImage(), src.label()));
        }
        if (src.mapped() || rva < headers.sizeOfHeaders()) {
            return headers.sizeOfImage() - rva;
        }
        SectionHeader s = sectionOf(rva, what);
        return s.virtualAddress() + s.mappedSize() - rva;
    }

    private SectionHeader sectionOf(long rva, String what) {
        for (SectionHeader s : headers.sections()) {
            if (rva >= s.virtualAddress() && rva - s.virtualAddress() < s.mappedSize()) {
                return s;
            }
        }
        throw new PeFormatException(String.format("%s: RVA 0x%x is in no section (%s)", what, rva, src.label()));
    }

    static String ascii(byte[] b, int off, int maxLen) {
        int len = 0;
        while (len < maxLen && off + len < b.length && b[off + len] != 0) {
            len++;
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
