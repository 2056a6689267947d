package dev.poolhit.sim.image;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.Architecture;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small but valid boot driver image ({@code simdrvNN.sys}) the simulator loads in addition to the
 * manifest images, so a boot can report dozens of load-symbols state changes: DOS and PE headers
 * (PE32+ or PE32 by architecture), one {@code .text} section whose DriverEntry returns
 * STATUS_SUCCESS, native subsystem, and a correct PE checksum. Layouts per the Microsoft PE/COFF
 * specification; a host reading the mapped headers sees exactly this file.
 */
public final class SyntheticDriver {
    /** Where the first extra driver is loaded; the next ones follow every 64 KiB. */
    public static final long X64_BASE = 0xfffff88006000000L;
    public static final long X86_BASE = 0x8f700000L;
    public static final long STRIDE = 0x10000;
    public static final int SIZE_OF_IMAGE = 0x2000;
    private static final int FILE_BYTES = 0x400;
    private static final int PE_OFFSET = 0x80;
    private static final int OPTIONAL = PE_OFFSET + 24;
    private static final int TIME_DATE_STAMP = 0x4ce7951a;

    private SyntheticDriver() {}

    /** The file name of extra driver {@code index} (1-based): {@code simdrv01.sys}. */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "simdrv%02d.sys", index);
    }

    public static long base(Architecture architecture, int index) {
        return (architecture == Architecture.X86 ? X86_BASE : X64_BASE) + STRIDE * (index - 1);
    }

    /** The image file of extra driver {@code index} (1-based), linked at {@link #base}. */
    public static byte[] build(Architecture architecture, int index) {
        boolean plus = architecture == Architecture.X64;
        byte[] f = new byte[FILE_BYTES];
        f[0] = 'M';
        f[1] = 'Z';
        LittleEndian.put32(f, 0x3c, PE_OFFSET);
        f[PE_OFFSET] = 'P';
        f[PE_OFFSET + 1] = 'E';
        int optionalSize = plus ? 0xf0 : 0xe0;
        LittleEndian.put16(f, PE_OFFSET + 4, plus ? 0x8664 : 0x014c);
        LittleEndian.put16(f, PE_OFFSET + 6, 1);
        LittleEndian.put32(f, PE_OFFSET + 8, TIME_DATE_STAMP + index);
        LittleEndian.put16(f, PE_OFFSET + 20, optionalSize);
        LittleEndian.put16(f, PE_OFFSET + 22, plus ? 0x0022 : 0x0102);
        optionalHeader(f, plus, base(architecture, index));
        int section = OPTIONAL + optionalSize;
        System.arraycopy(".text".getBytes(StandardCharsets.US_ASCII), 0, f, section, 5);
        LittleEndian.put32(f, section + 8, 0x10);
        LittleEndian.put32(f, section + 12, 0x1000);
        LittleEndian.put32(f, section + 16, 0x200);
        LittleEndian.put32(f, section + 20, 0x200);
        LittleEndian.put32(f, section + 36, 0x60000020L);
        byte[] code = plus ? new byte[] {0x33, (byte) 0xc0, (byte) 0xc3}
                : new byte[] {0x33, (byte) 0xc0, (byte) 0xc2, 0x08, 0x00}; // xor eax,eax; ret (8 on stdcall x86)
        System.arraycopy(code, 0, f, 0x200, code.length);
        LittleEndian.put32(f, OPTIONAL + 64, checkSum(f));
        return f;
    }

    private static void optionalHeader(byte[] f, boolean plus, long base) {
        LittleEndian.put16(f, OPTIONAL, plus ? 0x20b : 0x10b);
        LittleEndian.put32(f, OPTIONAL + 4, 0x200);
        LittleEndian.put32(f, OPTIONAL + 16, 0x1000);
        LittleEndian.put32(f, OPTIONAL + 20, 0x1000);
        if (plus) {
            LittleEndian.put64(f, OPTIONAL + 24, base);
        } else {
            LittleEndian.put32(f, OPTIONAL + 28, base);
        }
        LittleEndian.put32(f, OPTIONAL + 32, 0x1000);
        LittleEndian.put32(f, OPTIONAL + 36, 0x200);
        LittleEndian.put16(f, OPTIONAL + 40, 6);
        LittleEndian.put16(f, OPTIONAL + 42, 1);
        LittleEndian.put16(f, OPTIONAL + 48, 6);
        LittleEndian.put16(f, OPTIONAL + 50, 1);
        LittleEndian.put32(f, OPTIONAL + 56, SIZE_OF_IMAGE);
        LittleEndian.put32(f, OPTIONAL + 60, 0x200);
        LittleEndian.put16(f, OPTIONAL + 68, 1); // IMAGE_SUBSYSTEM_NATIVE
        LittleEndian.put32(f, OPTIONAL + (plus ? 108 : 92), 16);
    }

    /** The PE checksum: 16-bit one's-complement-style sum of the file (CheckSum field as zero) plus its length. */
    static long checkSum(byte[] f) {
        long sum = 0;
        int field = OPTIONAL + 64;
        for (int i = 0; i < f.length; i += 2) {
            if (i == field || i == field + 2) {
                continue;
            }
            sum += LittleEndian.u16(f, i);
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        return sum + f.length;
    }
}
