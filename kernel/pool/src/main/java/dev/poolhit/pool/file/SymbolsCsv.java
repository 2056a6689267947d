package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code symbols.csv}: the symbols the stacks use, {@code module,function,address}, where the
 * address is a frame's IP minus its offset. Informational (the loader does not need it).
 */
final class SymbolsCsv {
    static final List<String> HEADER = List.of("module", "function", "address");

    private SymbolsCsv() {}

    static String of(TraceSnapshot s) {
        Set<String> rows = new LinkedHashSet<>();
        for (int st = 0; st < s.stackCount(); st++) {
            for (int f = 0; f < s.stackDepth(st); f++) {
                if (Missing.is(s.function(st, f)) || Missing.is(s.ip(st, f)) || Missing.is(s.offset(st, f))) {
                    continue;
                }
                StringBuilder b = new StringBuilder();
                Csv.appendField(b, s.module(st, f));
                b.append(',');
                Csv.appendField(b, s.function(st, f));
                b.append(',');
                HexText.appendU64(b, s.ip(st, f) - s.offset(st, f));
                rows.add(b.toString());
            }
        }
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (String r : rows) {
            out.append(r).append('\n');
        }
        return out.toString();
    }
}
