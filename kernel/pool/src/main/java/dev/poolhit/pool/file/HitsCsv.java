package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.HitRow;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.util.List;

/** The {@code hits-NNNNNN.csv} codec: one row per hit (TRACE-FORMAT.md, "hits"). */
final class HitsCsv {
    static final List<String> HEADER = List.of("hit", "time", "kind", "tag", "size", "address",
            "processor", "thread", "process", "site_address", "site", "stack_id", "depth", "child_sp");
    private static final int DEPTH = 12;
    private static final int CHILD_SP = 13;

    private HitsCsv() {}

    static void append(StringBuilder out, TraceSnapshot t, int h, TimeText times) {
        out.append(h).append(',');
        if (!Missing.is(t.time(h))) {
            times.append(out, t.time(h));
        }
        out.append(',').append(t.kind(h).label()).append(',');
        if (!Missing.is(t.tagValue(h))) {
            out.append("0x");
            String hex = Long.toHexString(t.tagValue(h));
            out.append("00000000", hex.length(), 8).append(hex);
        }
        out.append(',');
        Fields.appendDecimal(out, t.size(h));
        out.append(',');
        Fields.appendU64(out, t.address(h));
        out.append(',');
        Fields.appendDecimal(out, Missing.is(t.processor(h)) ? Missing.LONG : t.processor(h));
        out.append(',');
        Fields.appendU64(out, t.thread(h));
        out.append(',');
        Fields.appendU64(out, t.process(h));
        out.append(',');
        Fields.appendU64(out, t.siteAddress(h));
        out.append(',');
        Csv.appendField(out, t.siteSymbol(h));
        out.append(',').append(t.stackId(h)).append(',').append(t.depth(h)).append(',');
        appendChildSp(out, t, h);
        out.append('\n');
    }

    /**
     * Frame 0's Child-SP in full, then each next one as the signed hex difference from the one
     * before ({@code +f0}); {@code ?} for a missing value, and a full value after one.
     */
    private static void appendChildSp(StringBuilder out, TraceSnapshot t, int h) {
        long previous = Missing.LONG;
        for (int f = 0; f < t.depth(h); f++) {
            if (f > 0) {
                out.append(' ');
            }
            long sp = t.childSp(h, f);
            if (Missing.is(sp)) {
                out.append('?');
            } else if (Missing.is(previous)) {
                HexText.appendU64(out, sp);
            } else {
                long delta = sp - previous;
                out.append(delta < 0 ? '-' : '+');
                HexText.appendHex(out, delta < 0 ? -delta : delta);
            }
            previous = sp;
        }
    }

    /** The row for a record, checked against the stacks read so far. */
    static HitRow decode(Fields r, int expectedHit, StackDepths stacks, TimeText times) {
        int hit = r.requiredInt(0);
        if (hit != expectedHit) {
            throw r.bad(0, "hit " + expectedHit + " (hits are numbered in order from 0)", Integer.toString(hit));
        }
        HitKind kind;
        try {
            kind = HitKind.ofLabel(r.text(2));
        } catch (IllegalArgumentException e) {
            throw r.bad(2, "alloc, free or empty", r.text(2));
        }
        long tag = r.hex(3);
        if (!Missing.is(tag) && (tag >>> 32) != 0) {
            throw r.bad(3, "a 32-bit tag value", r.text(3));
        }
        int stackId = r.requiredInt(11);
        if (stackId >= stacks.count()) {
            throw r.bad(11, "a stack defined in an earlier stacks entry (" + stacks.count() + " so far)",
                    r.text(11));
        }
        int depth = r.requiredInt(DEPTH);
        if (depth != stacks.depth(stackId)) {
            throw r.bad(DEPTH, stacks.depth(stackId) + " (the depth of stack " + stackId + ")", r.text(DEPTH));
        }
        return new HitRow(r.instant(1, times), kind, tag, r.decimal(4), r.hex(5), r.decimalInt(6),
                r.hex(7), r.hex(8), r.hex(9), r.text(10), stackId, childSp(r, depth));
    }

    private static long[] childSp(Fields r, int depth) {
        String s = r.text(CHILD_SP);
        if (depth == 0 && !s.isEmpty()) {
            throw r.bad(CHILD_SP, "no values (depth 0)", s);
        }
        long[] out = new long[depth];
        int from = 0;
        long previous = Missing.LONG;
        for (int f = 0; f < depth; f++) {
            int space = s.indexOf(' ', from);
            int to = space < 0 ? s.length() : space;
            if (from > s.length() || (f == depth - 1) != (space < 0)) {
                throw r.bad(CHILD_SP, depth + " space-separated values", s);
            }
            out[f] = spItem(r, s, from, to, previous);
            previous = out[f];
            from = to + 1;
        }
        return out;
    }

    private static long spItem(Fields r, String s, int from, int to, long previous) {
        if (to - from == 1 && s.charAt(from) == '?') {
            return Missing.LONG;
        }
        try {
            char sign = from < to ? s.charAt(from) : ' ';
            if (sign == '+' || sign == '-') {
                if (Missing.is(previous)) {
                    throw r.bad(CHILD_SP, "a full value after a missing one", s);
                }
                long delta = HexText.parse(s, from + 1, to);
                return sign == '+' ? previous + delta : previous - delta;
            }
            return HexText.parse(s, from, to);
        } catch (NumberFormatException e) {
            throw r.bad(CHILD_SP, "hex values, +delta or -delta, or ?", s);
        }
    }

    /** What the hits decoder needs to know about the stacks read so far. */
    interface StackDepths {
        int count();

        int depth(int stackId);
    }
}
