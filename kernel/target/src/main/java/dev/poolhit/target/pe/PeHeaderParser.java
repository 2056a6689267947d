package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PeFormatException;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates the DOS stub pointer, PE signature, file header, optional header and section table. */
final class PeHeaderParser {
    static final int MAX_SECTIONS = 96; // the Windows loader's limit
    private static final long MAX_LFANEW = 0x1000_0000L;
    private static final long MAX_IMAGE = 0x8000_0000L;

    private PeHeaderParser() {}

    static PeHeaders parse(ImageBytes src) {
        byte[] dos = src.read(0, 0x40);
        if (LittleEndian.u16(dos, 0) != 0x5a4d) {
            throw fail(src, "DOS header: signature 0x%04x, expected 0x5a4d (\"MZ\")", LittleEndian.u16(dos, 0));
        }
        long lfanew = LittleEndian.u32(dos, 0x3c);
        if (lfanew < 0x40 - 0x3c || lfanew > MAX_LFANEW) {
            throw fail(src, "DOS header: e_lfanew 0x%x outside 0x4..0x%x", lfanew, MAX_LFANEW);
        }
        byte[] nt = src.read(lfanew, 24);
        if (LittleEndian.i32(nt, 0) != 0x00004550) {
            throw fail(src, "NT headers: signature 0x%08x at 0x%x, expected 0x00004550 (\"PE\\0\\0\")",
                    LittleEndian.u32(nt, 0), lfanew);
        }
        int machine = LittleEndian.u16(nt, 4);
        int sectionCount = LittleEndian.u16(nt, 6);
        long timestamp = LittleEndian.u32(nt, 8);
        int optSize = LittleEndian.u16(nt, 20);
        if (sectionCount > MAX_SECTIONS) {
            throw fail(src, "file header: NumberOfSections %d exceeds %d", sectionCount, MAX_SECTIONS);
        }
        byte[] opt = src.read(lfanew + 24, optSize);
        List<SectionHeader> sections = sections(src, lfanew + 24 + optSize, sectionCount);
        return optional(src, opt, machine, timestamp, sections);
    }

    private static PeHeaders optional(ImageBytes src, byte[] opt, int machine, long timestamp,
            List<SectionHeader> sections) {
        if (opt.length < 2) {
            throw fail(src, "optional header: SizeOfOptionalHeader %d too small for a magic", opt.length);
        }
        int magic = LittleEndian.u16(opt, 0);
        if (magic != 0x20b && magic != 0x10b) {
            throw fail(src, "optional header: magic 0x%x, expected 0x20b (PE32+) or 0x10b (PE32)", magic);
        }
        boolean plus = magic == 0x20b;
        int fixed = plus ? 112 : 96;
        if (opt.length < fixed) {
            throw fail(src, "optional header: SizeOfOptionalHeader %d, expected at least %d for magic 0x%x",
                    opt.length, fixed, magic);
        }
        long imageBase = plus ? LittleEndian.u64(opt, 24) : LittleEndian.u32(opt, 28);
        long sizeOfImage = LittleEndian.u32(opt, 56);
        if (sizeOfImage == 0 || sizeOfImage > MAX_IMAGE) {
            throw fail(src, "optional header: SizeOfImage 0x%x outside 0x1..0x%x", sizeOfImage, MAX_IMAGE);
        }
        long dirCount = LittleEndian.u32(opt, fixed - 4);
        if (dirCount > 16 || fixed + dirCount * 8 > opt.length) {
            throw fail(src, "optional header: NumberOfRvaAndSizes %d does not fit SizeOfOptionalHeader %d (max 16)",
                    dirCount, opt.length);
        }
        List<DataDirectory> dirs = new ArrayList<>();
        for (int i = 0; i < dirCount; i++) {
            dirs.add(new DataDirectory(LittleEndian.u32(opt, fixed + 8 * i), LittleEndian.u32(opt, fixed + 8 * i + 4)));
        }
        return new PeHeaders(machine, timestamp, plus, imageBase, sizeOfImage, LittleEndian.u32(opt, 60),
                LittleEndian.u32(opt, 64), dirs, sections);
    }

    private static List<SectionHeader> sections(ImageBytes src, long offset, int count) {
        byte[] table = src.read(offset, count * SectionHeader.BYTES);
        List<SectionHeader> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(SectionHeader.decode(table, i * SectionHeader.BYTES));
        }
        return out;
    }

    static PeFormatException fail(ImageBytes src, String format, Object... args) {
        return new PeFormatException(String.format(format, args) + " (" + src.label() + ")");
    }
}
