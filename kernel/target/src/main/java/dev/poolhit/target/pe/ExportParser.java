package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PeFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IMAGE_EXPORT_DIRECTORY: the address, name-pointer and ordinal tables, forwarders included. */
final class ExportParser {
    static final int MAX_NAME = 1024;
    /** Name ordinals are u16, so no image can usefully export more. */
    static final long MAX_EXPORTS = 0x10000;

    private ExportParser() {}

    static List<ExportEntry> parse(RvaReader r, DataDirectory dir) {
        if (dir.isEmpty()) {
            return List.of();
        }
        byte[] d = r.read(dir.rva(), 40, "export directory");
        long base = LittleEndian.u32(d, 16);
        long functionCount = checkedCount(r, "NumberOfFunctions", LittleEndian.u32(d, 20), 4);
        long nameCount = checkedCount(r, "NumberOfNames", LittleEndian.u32(d, 24), 4);
        byte[] functions = r.read(LittleEndian.u32(d, 28), functionCount * 4, "export address table");
        byte[] names = r.read(LittleEndian.u32(d, 32), nameCount * 4, "export name pointer table");
        byte[] ordinals = r.read(LittleEndian.u32(d, 36), nameCount * 2, "export ordinal table");
        boolean[] named = new boolean[(int) functionCount];
        List<ExportEntry> out = new ArrayList<>();
        for (int i = 0; i < nameCount; i++) {
            int index = LittleEndian.u16(ordinals, 2 * i);
            if (index >= functionCount) {
                throw new PeFormatException(String.format(
                        "export ordinal table: entry %d index %d >= NumberOfFunctions %d (%s)",
                        i, index, functionCount, r.label()));
            }
            named[index] = true;
            String name = r.cString(LittleEndian.u32(names, 4 * i), MAX_NAME, "export name");
            out.add(entry(r, dir, base + index, Optional.of(name), LittleEndian.u32(functions, 4 * index)));
        }
        for (int index = 0; index < functionCount; index++) {
            long rva = LittleEndian.u32(functions, 4 * index);
            if (!named[index] && rva != 0) {
                out.add(entry(r, dir, base + index, Optional.empty(), rva));
            }
        }
        return out;
    }

    private static ExportEntry entry(RvaReader r, DataDirectory dir, long ordinal, Optional<String> name, long rva) {
        boolean forwarder = rva >= dir.rva() && rva - dir.rva() < dir.size();
        Optional<String> target = forwarder ? Optional.of(r.cString(rva, MAX_NAME, "export forwarder")) : Optional.empty();
        return new ExportEntry(ordinal, name, rva, target);
    }

    private static long checkedCount(RvaReader r, String field, long count, int entryBytes) {
        if (count * entryBytes > r.sizeOfImage()) {
            throw new PeFormatException(String.format("export directory: %s %d exceeds image size 0x%x (%s)",
                    field, count, r.sizeOfImage(), r.label()));
        }
        if (count > MAX_EXPORTS) {
            throw new PeFormatException(String.format("export directory: %s %d exceeds %d (%s)",
                    field, count, MAX_EXPORTS, r.label()));
        }
        return count;
    }
}
