package dev.poolhit.target.pe;

import java.util.List;

/**
 * The parts of the DOS, file and optional headers the debugger uses. {@code pe32Plus} tells PE32+
 * (x64, magic 0x20b) from PE32 (x86, magic 0x10b); {@code imageBase} is the preferred base.
 */
public record PeHeaders(int machine, long timeDateStamp, boolean pe32Plus, long imageBase, long sizeOfImage,
        long sizeOfHeaders, long checkSum, List<DataDirectory> dataDirectories, List<SectionHeader> sections) {
    public static final int MACHINE_AMD64 = 0x8664;
    public static final int MACHINE_I386 = 0x14c;

    public PeHeaders {
        dataDirectories = List.copyOf(dataDirectories);
        sections = List.copyOf(sections);
    }

    /** The directory at {@code index}, or an empty one when the header lists fewer. */
    public DataDirectory directory(int index) {
        return index < dataDirectories.size() ? dataDirectories.get(index) : new DataDirectory(0, 0);
    }
}
