package dev.poolhit.sim.image;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal PE32+ / PE32 reader for the simulator's own use (the simulator deliberately shares no code
 * with the client's target layer): headers, section table, data directories, exports and imports.
 * Layouts per the Microsoft PE/COFF specification. Every offset is bounds-checked against the file
 * so a truncated or hostile image fails with {@link ImageFormatException}.
 */
public final class PeFile {
    public static final int DIR_EXPORT = 0;
    public static final int DIR_IMPORT = 1;
    public static final int DIR_EXCEPTION = 3;
    public static final int DIR_IAT = 12;
    private static final int PE32_PLUS = 0x20b;
    private static final int PE32 = 0x10b;

    private final String name;
    private final byte[] bytes;
    private final int optionalHeader;
    private final long imageBase;
    private final List<PeSection> sections;
    private final boolean plus;

    private PeFile(String name, byte[] bytes, int optionalHeader, long imageBase, List<PeSection> sections,
                   boolean plus) {
        this.plus = plus;
        this.name = name;
        this.bytes = bytes;
        this.optionalHeader = optionalHeader;
        this.imageBase = imageBase;
        this.sections = sections;
    }

    /** Parses {@code bytes}; {@code name} only labels error messages. */
    public static PeFile parse(String name, byte[] bytes) {
        PeReader in = new PeReader(name, bytes);
        if (in.u16(0) != 0x5a4d) {
            throw new ImageFormatException("bad DOS signature: expected 0x5a4d 'MZ', actual 0x"
                    + Integer.toHexString(in.u16(0)) + " (" + name + ")");
        }
        int pe = (int) in.u32(0x3c);
        if (in.u32(pe) != 0x4550) {
            throw new ImageFormatException("bad PE signature: expected 0x00004550, actual 0x"
                    + Long.toHexString(in.u32(pe)) + " (" + name + " at 0x" + Integer.toHexString(pe) + ")");
        }
        int sectionCount = in.u16(pe + 6);
        int optionalSize = in.u16(pe + 20);
        int optional = pe + 24;
        int magic = in.u16(optional);
        if (magic != PE32_PLUS && magic != PE32) {
            throw new ImageFormatException("not PE32+ or PE32: optional header magic expected 0x20b or 0x10b, actual 0x"
                    + Integer.toHexString(magic) + " (" + name + ")");
        }
        boolean plus = magic == PE32_PLUS;
        List<PeSection> sections = new ArrayList<>();
        int table = optional + optionalSize;
        for (int i = 0; i < sectionCount; i++) {
            int at = table + i * 40;
            String sectionName = new String(in.slice(at, 8), StandardCharsets.US_ASCII).replace("\0", "");
            sections.add(new PeSection(sectionName, in.u32(at + 12), in.u32(at + 8), in.u32(at + 20),
                    in.u32(at + 16), in.u32(at + 36)));
        }
        long imageBase = plus ? in.u64(optional + 24) : in.u32(optional + 28);
        return new PeFile(name, bytes, optional, imageBase, List.copyOf(sections), plus);
    }

    public String name() {
        return name;
    }

    /** True for PE32+ (64-bit images), false for PE32 (x86: 4-byte IAT slots and thunks). */
    public boolean pe32Plus() {
        return plus;
    }

    /** Bytes of one IAT slot / import thunk: 8 for PE32+, 4 for PE32. */
    public int pointerBytes() {
        return plus ? 8 : 4;
    }

    /** The file bytes (not copied: callers must not modify them). */
    public byte[] bytes() {
        return bytes;
    }

    public long imageBase() {
        return imageBase;
    }

    public long sizeOfImage() {
        return LittleEndian.u32(bytes, optionalHeader + 56);
    }

    public long sizeOfHeaders() {
        return LittleEndian.u32(bytes, optionalHeader + 60);
    }

    public long checkSum() {
        return LittleEndian.u32(bytes, optionalHeader + 64);
    }

    public long entryPointRva() {
        return LittleEndian.u32(bytes, optionalHeader + 16);
    }

    public long timeDateStamp() {
        return LittleEndian.u32(bytes, optionalHeader - 24 + 8);
    }

    public List<PeSection> sections() {
        return sections;
    }

    /** Data directory {@code index} as {rva, size}; {0, 0} when absent. */
    public long[] directory(int index) {
        int directories = optionalHeader + (plus ? 112 : 96);
        long count = LittleEndian.u32(bytes, directories - 4);
        if (index >= count) {
            return new long[] {0, 0};
        }
        int at = directories + index * 8;
        return new long[] {LittleEndian.u32(bytes, at), LittleEndian.u32(bytes, at + 4)};
    }

    /** Exported names to RVAs (forwarders included as their RVA). */
    public Map<String, Long> exports() {
        long[] dir = directory(DIR_EXPORT);
        if (dir[1] == 0) {
            return Map.of();
        }
        PeReader in = new PeReader(name, bytes);
        int base = fileOffset(dir[0]);
        long nameCount = in.u32(base + 24);
        int functions = fileOffset(in.u32(base + 28));
        int names = fileOffset(in.u32(base + 32));
        int ordinals = fileOffset(in.u32(base + 36));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < nameCount; i++) {
            String exportName = in.cString(fileOffset(in.u32(names + i * 4)));
            int ordinal = in.u16(ordinals + i * 2);
            out.put(exportName, in.u32(functions + ordinal * 4));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every imported function with its IAT slot. */
    public List<PeImport> imports() {
        long[] dir = directory(DIR_IMPORT);
        if (dir[1] == 0) {
            return List.of();
        }
        PeReader in = new PeReader(name, bytes);
        List<PeImport> out = new ArrayList<>();
        for (int desc = fileOffset(dir[0]); in.u32(desc + 12) != 0; desc += 20) {
            String dll = in.cString(fileOffset(in.u32(desc + 12)));
            long lookupRva = in.u32(desc) != 0 ? in.u32(desc) : in.u32(desc + 16);
            long iatRva = in.u32(desc + 16);
            int width = pointerBytes();
            for (int i = 0; ; i++) {
                int at = fileOffset(lookupRva) + i * width;
                long thunk = plus ? in.u64(at) : in.u32(at);
                if (thunk == 0) {
                    break;
                }
                long slot = iatRva + (long) i * width;
                boolean byOrdinal = plus ? thunk < 0 : (thunk & 0x80000000L) != 0;
                if (byOrdinal) {
                    out.add(new PeImport(dll, null, (int) (thunk & 0xffff), slot));
                } else {
                    out.add(new PeImport(dll, in.cString(fileOffset(thunk & 0x7fffffffL) + 2), -1, slot));
                }
            }
        }
        return out;
    }

    /** File offset of an RVA inside the headers or a section's raw data. */
    public int fileOffset(long rva) {
        if (rva < sizeOfHeaders()) {
            return (int) rva;
        }
        for (PeSection s : sections) {
            if (rva >= s.virtualAddress() && rva < s.virtualAddress() + s.rawSize()) {
                return (int) (rva - s.virtualAddress() + s.rawPointer());
            }
        }
        throw new ImageFormatException("RVA outside the file: 0x" + Long.toHexString(rva)
                + " is in no section's raw data (" + name + ")");
    }
}
