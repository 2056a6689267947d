package dev.poolhit.sim.images;

import dev.poolhit.common.LittleEndian;

/** Reads bytes at RVAs of a PE32 (x86) image of the set, through its section table. */
final class X86Image {
    static final int PE32 = 0x10b;
    private final String name;
    private final byte[] bytes;
    private final int optional;

    private X86Image(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        this.optional = LittleEndian.i32(bytes, 0x3c) + 24;
    }

    static X86Image of(String fileName) {
        return new X86Image(fileName, SimImages.x86().bytes(fileName));
    }

    int magic() {
        return LittleEndian.u16(bytes, optional);
    }

    int machine() {
        return LittleEndian.u16(bytes, optional - 20);
    }

    long imageBase() {
        return LittleEndian.u32(bytes, optional + 28);
    }

    int u8(int rva) {
        return LittleEndian.u8(bytes, offsetOf(rva));
    }

    int i32(int rva) {
        return LittleEndian.i32(bytes, offsetOf(rva));
    }

    private int offsetOf(int rva) {
        int coff = optional - 20;
        int count = LittleEndian.u16(bytes, coff + 2);
        int table = optional + LittleEndian.u16(bytes, coff + 16);
        for (int i = 0; i < count; i++) {
            int header = table + 40 * i;
            int start = LittleEndian.i32(bytes, header + 12);
            int raw = LittleEndian.i32(bytes, header + 16);
            if (rva >= start && rva < start + raw) {
                return LittleEndian.i32(bytes, header + 20) + rva - start;
            }
        }
        throw new AssertionError(name + ": rva 0x" + Integer.toHexString(rva) + " is in no section's file data");
    }
}
