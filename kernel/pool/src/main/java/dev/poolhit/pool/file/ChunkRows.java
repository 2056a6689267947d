package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.HitRow;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** Decodes one chunk's rows and, once the entry ended intact, appends them to the trace. */
final class ChunkRows {
    private final Trace trace;
    private final String table;
    private int stacks;
    private int hits;
    private final Depths depths;
    private final TimeText times = new TimeText();

    ChunkRows(Trace trace, String table) {
        this.depths = new Depths(trace);
        this.trace = trace;
        this.table = table;
        this.stacks = trace.stackCount();
        this.hits = trace.size();
    }

    void add(Fields f, List<Object> rows) {
        switch (table) {
            case "modules" -> rows.add(ModulesCsv.decode(f));
            case "stacks" -> addFrame(f, rows);
            default -> {
                if (hits >= TraceFileReader.MAX_HITS) {
                    throw new Fields.BadField("more than " + TraceFileReader.MAX_HITS + " hits");
                }
                rows.add(HitsCsv.decode(f, hits++, depths, times));
            }
        }
    }

    private void addFrame(Fields f, List<Object> rows) {
        StacksCsv.Row row = StacksCsv.decode(f);
        List<Frame> current = rows.isEmpty() ? null : castFrames(rows.get(rows.size() - 1));
        boolean continues = current != null && row.stackId() == stacks - 1 && row.frame() == current.size();
        if (continues && row.value() != null) {
            if (current.size() >= TraceFileReader.MAX_DEPTH) {
                throw f.bad(1, "at most " + TraceFileReader.MAX_DEPTH + " frames", Integer.toString(row.frame()));
            }
            current.add(row.value());
            return;
        }
        if (row.stackId() != stacks) {
            throw f.bad(0, stacks + " (stack ids are dense, in order of first appearance)",
                    Integer.toString(row.stackId()));
        }
        if (row.value() != null && row.frame() != 0) {
            throw f.bad(1, "0 (a stack's frames are listed from frame 0)", Integer.toString(row.frame()));
        }
        List<Frame> frames = new ArrayList<>();
        if (row.value() != null) {
            frames.add(row.value());
        }
        rows.add(frames);
        stacks++;
    }

    @SuppressWarnings("unchecked")
    private static List<Frame> castFrames(Object o) {
        return (List<Frame>) o;
    }

    void commit(List<Object> rows) {
        for (Object o : rows) {
            if (o instanceof ModuleInfo m) {
                trace.addModule(m);
            } else if (o instanceof HitRow h) {
                trace.append(h);
            } else {
                int expected = trace.stackCount();
                int id = trace.internStack(castFrames(o));
                if (id != expected) {
                    throw new Fields.BadField("stack " + expected + " repeats stack " + id
                            + " (each distinct stack is listed once)");
                }
            }
        }
    }
}
