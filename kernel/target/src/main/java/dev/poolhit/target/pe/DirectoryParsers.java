package dev.poolhit.target.pe;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.Guid;
import dev.poolhit.target.PeFormatException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The exception directory (.pdata) and the debug directory's CodeView RSDS record. */
final class DirectoryParsers {
    static final int DEBUG_ENTRY_BYTES = 28;
    static final int DEBUG_TYPE_CODEVIEW = 2;
    static final int MAX_CODEVIEW_BYTES = 0x1000;
    private static final int RSDS = 0x53445352;

    private DirectoryParsers() {}

    /** RUNTIME_FUNCTIONs sorted by begin RVA, so lookups can binary-search. */
    static List<RuntimeFunction> exceptionDirectory(RvaReader r, DataDirectory dir) {
        if (dir.isEmpty()) {
            return List.of();
        }
        long count = dir.size() / RuntimeFunction.BYTES;
        byte[] table = r.read(dir.rva(), count * RuntimeFunction.BYTES, "exception directory");
        List<RuntimeFunction> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            out.add(RuntimeFunction.decode(table, i * RuntimeFunction.BYTES));
        }
        out.sort(Comparator.comparingLong(RuntimeFunction::beginAddress));
        return List.copyOf(out);
    }

    static Optional<CodeViewInfo> codeView(ImageBytes src, RvaReader r, DataDirectory dir) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        long count = dir.size() / DEBUG_ENTRY_BYTES;
        byte[] table = r.read(dir.rva(), count * DEBUG_ENTRY_BYTES, "debug directory");
        for (int i = 0; i < count; i++) {
            int e = i * DEBUG_ENTRY_BYTES;
            if (LittleEndian.i32(table, e + 12) == DEBUG_TYPE_CODEVIEW) {
                long size = LittleEndian.u32(table, e + 16);
                long rva = LittleEndian.u32(table, e + 20);
                long filePointer = LittleEndian.u32(table, e + 24);
                if (size < 24 || size > MAX_CODEVIEW_BYTES) {
                    throw new PeFormatException(String.format(
                            "debug directory: CodeView SizeOfData 0x%x outside 0x18..0x%x (%s)",
                            size, MAX_CODEVIEW_BYTES, r.label()));
                }
                byte[] data = rva != 0 || src.mapped()
                        ? r.read(rva, size, "CodeView record")
                        : src.read(filePointer, (int) size);
                return rsds(data);
            }
        }
        return Optional.empty();
    }

    /** Only RSDS (PDB 7.0) is supported; the older NB10 form names no GUID and yields empty. */
    private static Optional<CodeViewInfo> rsds(byte[] data) {
        if (LittleEndian.i32(data, 0) != RSDS) {
            return Optional.empty();
        }
        return Optional.of(new CodeViewInfo(Guid.decode(data, 4), LittleEndian.u32(data, 20),
                RvaReader.ascii(data, 24, data.length - 24)));
    }
}
