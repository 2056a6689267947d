package dev.poolhit.pool.analysis;

import dev.poolhit.pool.trace.HitClassifier;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %leaks}: outstanding allocations grouped by stack and ranked, bcc memleak style ("top N
 * stacks with outstanding allocations"). Ranked by bytes, then count, then stack id, so the order
 * is stable. What could not be paired is reported beside the ranking, never counted as a leak.
 */
public final class LeakReport {
    private final PairingSummary summary;
    private final List<LeakStack> ranked;

    private LeakReport(PairingSummary summary, List<LeakStack> ranked) {
        this.summary = summary;
        this.ranked = ranked;
    }

    public static LeakReport of(Trace trace) {
        return of(TraceTables.of(trace));
    }

    public static LeakReport of(TraceTables tables) {
        TraceSnapshot t = tables.snapshot();
        Pairing p = tables.pairing();
        int stacks = t.stackCount();
        int[] count = new int[stacks];
        long[] bytes = new long[stacks];
        int[] unknown = new int[stacks];
        int[] first = new int[stacks];
        int[] last = new int[stacks];
        for (int h : p.outstanding()) {
            int s = t.stackId(h);
            if (count[s]++ == 0) {
                first[s] = h;
            }
            last[s] = h;
            if (Missing.is(t.size(h))) {
                unknown[s]++;
            } else {
                bytes[s] += t.size(h);
            }
        }
        List<LeakStack> ranked = new ArrayList<>();
        for (int s = 0; s < stacks; s++) {
            if (count[s] > 0) {
                ranked.add(new LeakStack(s, count[s], bytes[s], unknown[s], first[s], last[s],
                        caller(t, s), callSites(t, s)));
            }
        }
        ranked.sort(Comparator.comparingLong(LeakStack::bytes).reversed()
                .thenComparing(Comparator.comparingInt(LeakStack::allocations).reversed())
                .thenComparingInt(LeakStack::stackId));
        return new LeakReport(p.summary(), List.copyOf(ranked));
    }

    public PairingSummary summary() {
        return summary;
    }

    /** Every stack with outstanding allocations, largest first. */
    public List<LeakStack> stacks() {
        return ranked;
    }

    /**
     * The top {@code n}: {@code rank, stack_id, allocations, bytes, unknown_size, first_hit,
     * last_hit, caller, signature}; table name {@code leaks}.
     */
    public Table table(int n) {
        List<LeakStack> top = ranked.subList(0, Math.min(n, ranked.size()));
        IntColumn rank = IntColumn.create("rank");
        IntColumn stack = IntColumn.create("stack_id");
        IntColumn allocations = IntColumn.create("allocations");
        LongColumn bytes = LongColumn.create("bytes");
        IntColumn unknown = IntColumn.create("unknown_size");
        IntColumn first = IntColumn.create("first_hit");
        IntColumn last = IntColumn.create("last_hit");
        StringColumn caller = StringColumn.create("caller");
        StringColumn signature = StringColumn.create("signature");
        for (int i = 0; i < top.size(); i++) {
            LeakStack l = top.get(i);
            rank.append(i + 1);
            stack.append(l.stackId());
            allocations.append(l.allocations());
            bytes.append(l.bytes());
            unknown.append(l.unknownSize());
            first.append(l.firstHit());
            last.append(l.lastHit());
            caller.append(l.caller());
            signature.append(String.join(" < ", l.callSites()));
        }
        return Table.create("leaks", rank, stack, allocations, bytes, unknown, first, last, caller,
                signature);
    }

    /** The memleak-style text: a summary line, then each of the top {@code n} stacks. */
    public String text(int n) {
        return LeakText.render(summary, ranked.subList(0, Math.min(n, ranked.size())), n);
    }

    /** The call site a stack is blamed on: the frame just below the pool routines. */
    static String caller(TraceSnapshot t, int s) {
        List<String> sites = callSites(t, s);
        return sites.isEmpty() ? Missing.TEXT : sites.get(callerFrame(t, s));
    }

    private static List<String> callSites(TraceSnapshot t, int s) {
        List<String> out = new ArrayList<>(t.stackDepth(s));
        for (int f = 0; f < t.stackDepth(s); f++) {
            String cs = t.callSite(s, f);
            out.add(cs.isEmpty() ? "?" : cs);
        }
        return out;
    }

    private static int callerFrame(TraceSnapshot t, int s) {
        List<String> modules = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (int f = 0; f < t.stackDepth(s); f++) {
            modules.add(t.module(s, f));
            functions.add(t.function(s, f));
        }
        return HitClassifier.callerFrame(modules, functions);
    }
}
