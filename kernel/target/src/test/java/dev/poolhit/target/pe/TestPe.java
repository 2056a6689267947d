package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;

/**
 * Builds a small PE file by hand: headers, one section ".rdata" at RVA 0x1000 (file offset 0x400),
 * holding an export directory (two named functions, one a forwarder, and one exported by ordinal
 * only), a debug directory with an RSDS record and a two-entry exception directory.
 */
public final class TestPe {
    static final int SECTION_RVA = 0x1000;
    static final int SECTION_FILE = 0x400;
    public final byte[] file = new byte[0x1400];
    final int opt;
    final boolean pe32;

    public TestPe(boolean pe32) {
        this.pe32 = pe32;
        this.opt = 0x58;
        LittleEndian.put16(file, 0, 0x5a4d);
        LittleEndian.put32(file, 0x3c, 0x40);
        LittleEndian.put32(file, 0x40, 0x4550);
        LittleEndian.put16(file, 0x44, pe32 ? 0x14c : 0x8664);   // Machine
        LittleEndian.put16(file, 0x46, 1);                       // NumberOfSections
        LittleEndian.put32(file, 0x48, 0x589dfd11L);             // TimeDateStamp
        LittleEndian.put16(file, 0x54, pe32 ? 224 : 240);        // SizeOfOptionalHeader
        LittleEndian.put16(file, opt, pe32 ? 0x10b : 0x20b);
        if (pe32) {
            LittleEndian.put32(file, opt + 28, 0x00400000L);
        } else {
            LittleEndian.put64(file, opt + 24, 0x00000001_40000000L);
        }
        LittleEndian.put32(file, opt + 56, 0x2000);              // SizeOfImage
        LittleEndian.put32(file, opt + 60, 0x400);               // SizeOfHeaders
        LittleEndian.put32(file, opt + (pe32 ? 92 : 108), 16);   // NumberOfRvaAndSizes
        int section = opt + (pe32 ? 224 : 240);
        System.arraycopy(new SectionHeader(".rdata", 0x1000, SECTION_RVA, 0x1000, SECTION_FILE, 0x40000040L).encode(),
                0, file, section, SectionHeader.BYTES);
        exports();
        debug();
        exceptions();
    }

    private void exports() {
        directory(DataDirectory.EXPORT, 0x1000, 0x200);
        put32(0x100c, 0x1100);   // Name
        put32(0x1010, 5);        // Base
        put32(0x1014, 3);        // NumberOfFunctions
        put32(0x1018, 2);        // NumberOfNames
        put32(0x101c, 0x1040);   // AddressOfFunctions
        put32(0x1020, 0x1060);   // AddressOfNames
        put32(0x1024, 0x1070);   // AddressOfNameOrdinals
        put32(0x1040, 0x1800);   // ordinal 5: Alpha
        put32(0x1044, 0x1120);   // ordinal 6: Beta, a forwarder (inside the directory)
        put32(0x1048, 0x1900);   // ordinal 7: no name
        put32(0x1060, 0x1080);
        put32(0x1064, 0x1090);
        put16(0x1070, 0);
        put16(0x1072, 1);
        text(0x1080, "Alpha");
        text(0x1090, "Beta");
        text(0x1100, "test.sys");
        text(0x1120, "NTOSKRNL.ExFreePool");
    }

    private void debug() {
        directory(DataDirectory.DEBUG, 0x1200, 28);
        put32(0x120c, 2);                         // Type CODEVIEW
        put32(0x1210, 24 + 9);                    // SizeOfData
        put32(0x1214, 0x1220);                    // AddressOfRawData
        put32(0x1218, SECTION_FILE + 0x220);      // PointerToRawData
        text(0x1220, "RSDS");
        byte[] guid = dev.poolhit.common.Hex.decode("a8 03 e1 72 b2 5c 07 49 8b 76 b2 e7 c0 62 57 b1");
        System.arraycopy(guid, 0, file, at(0x1224), 16);
        put32(0x1234, 3);                         // Age
        text(0x1238, "test.pdb");
    }

    private void exceptions() {
        directory(DataDirectory.EXCEPTION, 0x1300, 24);
        System.arraycopy(new RuntimeFunction(0x1900, 0x1910, 0x1400).encode(), 0, file, at(0x1300), 12);
        System.arraycopy(new RuntimeFunction(0x1800, 0x1880, 0x1408).encode(), 0, file, at(0x130c), 12);
    }

    void directory(int index, long rva, long size) {
        int dd = opt + (pe32 ? 96 : 112) + 8 * index;
        LittleEndian.put32(file, dd, rva);
        LittleEndian.put32(file, dd + 4, size);
    }

    void put32(int rva, long value) {
        LittleEndian.put32(file, at(rva), value);
    }

    void put16(int rva, int value) {
        LittleEndian.put16(file, at(rva), value);
    }

    void text(int rva, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, file, at(rva), b.length);
        file[at(rva) + b.length] = 0;
    }

    static int at(int rva) {
        return rva - SECTION_RVA + SECTION_FILE;
    }

    PeImage parse() {
        return PeImage.parse(ImageBytes.ofFile(file, "test.sys"));
    }
}
