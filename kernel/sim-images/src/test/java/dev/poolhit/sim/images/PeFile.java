package dev.poolhit.sim.images;

import dev.poolhit.common.LittleEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * A PE32+ file's section table and exception directory, read straight from the bytes, so the
 * unwind checks do not share a parser (llvm-readobj, manifest.py) with what they check.
 */
record PeFile(String name, byte[] bytes, List<Section> sections, int exceptionRva, int exceptionSize) {
    private static final int PE32_PLUS = 0x20b;
    private static final int EXCEPTION_DIRECTORY = 3;

    /** One section header: where its virtual range starts and where its file bytes are. */
    record Section(String name, int rva, int virtualSize, int rawOffset, int rawSize) {
    }

    /** One .pdata entry (begin/end/unwind info, all RVAs). */
    record RuntimeFunction(int begin, int end, int unwindRva) {
        @Override
        public String toString() {
            return "0x" + Integer.toHexString(begin) + "-0x" + Integer.toHexString(end)
                    + "@0x" + Integer.toHexString(unwindRva);
        }
    }

    static PeFile parse(String name, byte[] bytes) {
        int pe = LittleEndian.i32(bytes, 0x3c);
        if (LittleEndian.u32(bytes, pe) != 0x4550) {
            throw new AssertionError(name + ": PE signature missing at 0x" + Integer.toHexString(pe));
        }
        int coff = pe + 4;
        int sectionCount = LittleEndian.u16(bytes, coff + 2);
        int optional = coff + 20;
        int optionalSize = LittleEndian.u16(bytes, coff + 16);
        if (LittleEndian.u16(bytes, optional) != PE32_PLUS) {
            throw new AssertionError(name + ": optional header magic: expected 0x20b, actual 0x"
                    + Integer.toHexString(LittleEndian.u16(bytes, optional)));
        }
        int directory = optional + 112 + EXCEPTION_DIRECTORY * 8;
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount; i++) {
            int header = optional + optionalSize + i * 40;
            String sectionName = new String(bytes, header, 8, java.nio.charset.StandardCharsets.US_ASCII)
                    .replace("\0", "");
            sections.add(new Section(sectionName, LittleEndian.i32(bytes, header + 12),
                    LittleEndian.i32(bytes, header + 8), LittleEndian.i32(bytes, header + 20),
                    LittleEndian.i32(bytes, header + 16)));
        }
        return new PeFile(name, bytes, List.copyOf(sections),
                LittleEndian.i32(bytes, directory), LittleEndian.i32(bytes, directory + 4));
    }

    /** The file offset of {@code length} bytes at an RVA; they must lie in one section's file data. */
    int offsetOf(int rva, int length) {
        for (Section s : sections) {
            if (Integer.compareUnsigned(rva, s.rva()) >= 0
                    && Integer.toUnsignedLong(rva) + length <= Integer.toUnsignedLong(s.rva()) + s.rawSize()) {
                return s.rawOffset() + rva - s.rva();
            }
        }
        throw new AssertionError(name + ": " + length + " bytes at rva 0x" + Integer.toHexString(rva)
                + " are in no section's file data");
    }

    int u8(int rva) {
        return LittleEndian.u8(bytes, offsetOf(rva, 1));
    }

    int u16(int rva) {
        return LittleEndian.u16(bytes, offsetOf(rva, 2));
    }

    RuntimeFunction runtimeFunction(int rva) {
        int at = offsetOf(rva, 12);
        return new RuntimeFunction(LittleEndian.i32(bytes, at), LittleEndian.i32(bytes, at + 4),
                LittleEndian.i32(bytes, at + 8));
    }

    /** The .pdata entries in file order (the exception directory is an array of 12-byte entries). */
    List<RuntimeFunction> runtimeFunctions() {
        List<RuntimeFunction> out = new ArrayList<>();
        for (int at = 0; at + 12 <= exceptionSize; at += 12) {
            out.add(runtimeFunction(exceptionRva + at));
        }
        return out;
    }
}
