package dev.poolhit.pool.analysis;

import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.target.AddressStyle;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result tables of product.md §5, built on demand from one snapshot of a trace:
 * {@code hits}, {@code frames} (long form), {@code stacks}, {@code outstanding}, plus
 * {@code stack_frames} (the frames of each distinct stack, small) and
 * {@code outstanding_over_time} (chart series). Each call builds a fresh table, named as listed.
 *
 * <p>Types: addresses ({@code address}, {@code thread}, {@code process}, {@code child_sp},
 * {@code ret_addr}, {@code ip}) are {@code LONG} printed WinDbg style (8 digits for a trace of an
 * x86 target, {@link dev.poolhit.pool.trace.TraceInfo#addressStyle}, the values staying
 * sign-extended u64), {@code offset} is {@code LONG} printed {@code 0x82e}, see {@link Columns};
 * {@code time} is an {@code INSTANT} (millisecond precision); counts and ids are {@code INTEGER}; text is {@code STRING}. Missing
 * values are Tablesaw's missing values.
 *
 * <p>Cost: {@code frames} has one row per frame of every hit (12 million rows for a million
 * 12-frame hits, about 0.6 GB); join {@code hits.stack_id} with {@code stack_frames} when only the
 * call paths matter.
 */
public final class TraceTables {
    private final TraceSnapshot t;
    private final AddressStyle style;
    private Pairing pairing;

    private TraceTables(TraceSnapshot snapshot) {
        this.t = snapshot;
        this.style = snapshot.info().addressStyle();
    }

    public static TraceTables of(Trace trace) {
        return new TraceTables(trace.snapshot());
    }

    public static TraceTables of(TraceSnapshot snapshot) {
        return new TraceTables(snapshot);
    }

    public TraceSnapshot snapshot() {
        return t;
    }

    /** The pairing of this snapshot, computed once. */
    public synchronized Pairing pairing() {
        if (pairing == null) {
            pairing = Pairing.of(t);
        }
        return pairing;
    }

    /** {@code hit, time, kind, tag, size, address, processor, thread, process, site, stack_id, depth}. */
    public Table hits() {
        int n = t.size();
        int[] hit = new int[n];
        long[] size = new long[n];
        long[] address = new long[n];
        int[] processor = new int[n];
        long[] thread = new long[n];
        long[] process = new long[n];
        int[] stack = new int[n];
        int[] depth = new int[n];
        InstantColumn time = InstantColumn.create("time");
        StringColumn kind = StringColumn.create("kind");
        StringColumn tag = StringColumn.create("tag");
        StringColumn site = StringColumn.create("site");
        for (int h = 0; h < n; h++) {
            hit[h] = h;
            Columns.appendTime(time, t.time(h));
            kind.append(t.kind(h).label());
            tag.append(tagText(h));
            size[h] = t.size(h);
            address[h] = t.address(h);
            processor[h] = t.processor(h);
            thread[h] = t.thread(h);
            process[h] = t.process(h);
            site.append(t.siteText(h));
            stack[h] = t.stackId(h);
            depth[h] = t.depth(h);
        }
        return Table.create("hits", IntColumn.create("hit", hit), time, kind, tag,
                LongColumn.create("size", size), Columns.address("address", address, style),
                IntColumn.create("processor", processor), Columns.address("thread", thread, style),
                Columns.address("process", process, style), site, IntColumn.create("stack_id", stack),
                IntColumn.create("depth", depth));
    }

    /** {@code hit, frame, child_sp, ret_addr, ip, module, function, offset, call_site}: a row per frame. */
    public Table frames() {
        long rows = 0;
        for (int h = 0; h < t.size(); h++) {
            rows += t.depth(h);
        }
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("frames table of " + rows + " rows exceeds a Tablesaw table;"
                    + " use stackFrames() joined on stack_id");
        }
        FrameColumns c = new FrameColumns("frames", (int) rows, true, style);
        for (int h = 0; h < t.size(); h++) {
            int s = t.stackId(h);
            for (int f = 0; f < t.stackDepth(s); f++) {
                c.add(h, f, t.childSp(h, f), t, s);
            }
        }
        return c.table();
    }

    /** {@code stack_id, frame, ret_addr, ip, module, function, offset, call_site}: each distinct stack once. */
    public Table stackFrames() {
        int rows = 0;
        for (int s = 0; s < t.stackCount(); s++) {
            rows += t.stackDepth(s);
        }
        FrameColumns c = new FrameColumns("stack_frames", rows, false, style);
        for (int s = 0; s < t.stackCount(); s++) {
            for (int f = 0; f < t.stackDepth(s); f++) {
                c.add(s, f, Missing.LONG, t, s);
            }
        }
        return c.table();
    }

    /** {@code stack_id, signature, hits, allocs, frees, bytes}; bytes are allocated bytes of known size. */
    public Table stacks() {
        int n = t.stackCount();
        int[] hits = new int[n];
        int[] allocs = new int[n];
        int[] frees = new int[n];
        long[] bytes = new long[n];
        for (int h = 0; h < t.size(); h++) {
            int s = t.stackId(h);
            hits[s]++;
            if (t.kind(h) == HitKind.ALLOC) {
                allocs[s]++;
                bytes[s] += Missing.is(t.size(h)) ? 0 : t.size(h);
            } else if (t.kind(h) == HitKind.FREE) {
                frees[s]++;
            }
        }
        int[] ids = new int[n];
        StringColumn signature = StringColumn.create("signature");
        for (int s = 0; s < n; s++) {
            ids[s] = s;
            signature.append(t.signature(s));
        }
        return Table.create("stacks", IntColumn.create("stack_id", ids), signature,
                IntColumn.create("hits", hits), IntColumn.create("allocs", allocs),
                IntColumn.create("frees", frees), LongColumn.create("bytes", bytes));
    }

    /**
     * Chart series: {@code stack_id, caller, hits, allocs, frees}, most hit stack first (ties by stack id); the
     * caller (the frame just below the pool routines) labels the bar. Name {@code hits_per_stack}.
     */
    public Table hitsPerStack() {
        Table stacks = stacks();
        StringColumn caller = StringColumn.create("caller");
        for (int s = 0; s < t.stackCount(); s++) {
            caller.append(LeakReport.caller(t, s));
        }
        Table out = Table.create("hits_per_stack", stacks.intColumn("stack_id"), caller,
                stacks.intColumn("hits"), stacks.intColumn("allocs"), stacks.intColumn("frees"));
        return out.sortOn("-hits", "stack_id");
    }

    /**
     * Allocations never freed within the trace: {@code hit, time, tag, size, address, thread,
     * process, stack_id, signature, address_reused} (see {@link Pairing#addressReused}).
     */
    public Table outstanding() {
        int[] out = pairing().outstanding();
        int n = out.length;
        long[] size = new long[n];
        long[] address = new long[n];
        long[] thread = new long[n];
        long[] process = new long[n];
        int[] stack = new int[n];
        InstantColumn time = InstantColumn.create("time");
        StringColumn tag = StringColumn.create("tag");
        StringColumn signature = StringColumn.create("signature");
        BooleanColumn reused = BooleanColumn.create("address_reused");
        for (int i = 0; i < n; i++) {
            int h = out[i];
            Columns.appendTime(time, t.time(h));
            tag.append(tagText(h));
            size[i] = t.size(h);
            address[i] = t.address(h);
            thread[i] = t.thread(h);
            process[i] = t.process(h);
            stack[i] = t.stackId(h);
            signature.append(t.signature(stack[i]));
            reused.append(pairing().addressReused(h));
        }
        return Table.create("outstanding", IntColumn.create("hit", out), time, tag,
                LongColumn.create("size", size), Columns.address("address", address, style),
                Columns.address("thread", thread, style), Columns.address("process", process, style),
                IntColumn.create("stack_id", stack), signature, reused);
    }

    /**
     * Chart series: after each hit, how many allocations of this trace are outstanding and their
     * known bytes. Columns {@code hit, time, outstanding, outstanding_bytes}.
     */
    public Table outstandingOverTime() {
        Pairing p = pairing();
        int n = t.size();
        int[] hit = new int[n];
        int[] count = new int[n];
        long[] bytes = new long[n];
        InstantColumn time = InstantColumn.create("time");
        int c = 0;
        long b = 0;
        for (int h = 0; h < n; h++) {
            if (t.kind(h) == HitKind.ALLOC && !Missing.is(t.address(h))) {
                c++;
                b += Missing.is(t.size(h)) ? 0 : t.size(h);
            } else if (t.kind(h) == HitKind.FREE && p.partner(h) >= 0) {
                c--;
                long freed = t.size(p.partner(h));
                b -= Missing.is(freed) ? 0 : freed;
            }
            hit[h] = h;
            count[h] = c;
            bytes[h] = b;
            Columns.appendTime(time, t.time(h));
        }
        return Table.create("outstanding_over_time", IntColumn.create("hit", hit), time,
                IntColumn.create("outstanding", count), LongColumn.create("outstanding_bytes", bytes));
    }

    private String tagText(int h) {
        return Missing.is(t.tagValue(h)) ? Missing.TEXT : t.tag(h).text();
    }
}
