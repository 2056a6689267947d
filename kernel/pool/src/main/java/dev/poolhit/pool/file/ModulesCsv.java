package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import java.util.List;

/** The {@code modules-NNNNNN.csv} codec: one row per module the target reported. */
final class ModulesCsv {
    static final List<String> HEADER = List.of("name", "base", "size", "timestamp", "pdb_name",
            "pdb_guid", "pdb_age");

    private ModulesCsv() {}

    static void append(StringBuilder out, ModuleInfo m) {
        Csv.appendField(out, m.name());
        out.append(',');
        Fields.appendU64(out, m.base());
        out.append(',');
        if (!Missing.is(m.size())) {
            out.append("0x");
            HexText.appendHex(out, m.size());
        }
        out.append(',');
        if (!Missing.is(m.timestamp())) {
            out.append(String.format("0x%08x", m.timestamp()));
        }
        out.append(',');
        Csv.appendField(out, m.pdbName());
        out.append(',');
        Csv.appendField(out, m.pdbGuid());
        out.append(',');
        if (!Missing.is(m.pdbAge())) {
            out.append(m.pdbAge());
        }
        out.append('\n');
    }

    static ModuleInfo decode(Fields r) {
        return new ModuleInfo(r.text(0), r.hex(1), r.hex(2), r.hex(3), r.text(4), r.text(5),
                r.decimalInt(6));
    }
}
