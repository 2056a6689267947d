package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.util.List;

/** The {@code stacks-NNNNNN.csv} codec: one row per frame of each distinct stack. */
final class StacksCsv {
    static final List<String> HEADER = List.of("stack_id", "frame", "ret_addr", "ip", "module",
            "function", "offset", "call_site");

    private StacksCsv() {}

    static void append(StringBuilder out, TraceSnapshot t, int s) {
        if (t.stackDepth(s) == 0) {
            out.append(s).append(",,,,,,,\n"); // a hit without frames: the frame column is empty
            return;
        }
        for (int f = 0; f < t.stackDepth(s); f++) {
            out.append(s).append(',').append(f).append(',');
            Fields.appendU64(out, t.returnAddress(s, f));
            out.append(',');
            Fields.appendU64(out, t.ip(s, f));
            out.append(',');
            Csv.appendField(out, t.module(s, f));
            out.append(',');
            Csv.appendField(out, t.function(s, f));
            out.append(',');
            if (!Missing.is(t.offset(s, f))) {
                out.append("0x");
                HexText.appendHex(out, t.offset(s, f));
            }
            out.append(',');
            Csv.appendField(out, t.callSite(s, f));
            out.append('\n');
        }
    }

    /**
     * The stack id and frame number of a row, checked by the reader, and the frame itself;
     * frame {@link Missing#INT} and no frame for the row of an empty stack.
     */
    record Row(int stackId, int frame, Frame value) {}

    static Row decode(Fields r) {
        int stack = r.requiredInt(0);
        if (r.text(1).isEmpty()) {
            for (int c = 2; c < HEADER.size(); c++) {
                if (!r.text(c).isEmpty()) {
                    throw r.bad(c, "nothing in the row of an empty stack (frame empty)", r.text(c));
                }
            }
            return new Row(stack, Missing.INT, null);
        }
        Frame f = new Frame(Missing.LONG, r.hex(2), r.hex(3), r.text(4), r.text(5), r.hex(6), r.text(7));
        return new Row(stack, r.requiredInt(1), f);
    }
}
