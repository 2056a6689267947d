package dev.poolhit.pool.analysis;

import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.target.AddressStyle;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Accumulates frame rows for {@code frames} (per hit, with Child-SP) or {@code stack_frames}. */
final class FrameColumns {
    private final String name;
    private final boolean perHit;
    private final AddressStyle style;
    private final int[] owner;
    private final int[] frame;
    private final long[] childSp;
    private final long[] ret;
    private final long[] ip;
    private final long[] offset;
    private final StringColumn module = StringColumn.create("module");
    private final StringColumn function = StringColumn.create("function");
    private final StringColumn callSite = StringColumn.create("call_site");
    private int row;

    FrameColumns(String name, int rows, boolean perHit, AddressStyle style) {
        this.name = name;
        this.perHit = perHit;
        this.style = style;
        owner = new int[rows];
        frame = new int[rows];
        childSp = new long[perHit ? rows : 0];
        ret = new long[rows];
        ip = new long[rows];
        offset = new long[rows];
    }

    void add(int ownerId, int f, long sp, TraceSnapshot t, int stackId) {
        owner[row] = ownerId;
        frame[row] = f;
        if (perHit) {
            childSp[row] = sp;
        }
        ret[row] = t.returnAddress(stackId, f);
        ip[row] = t.ip(stackId, f);
        offset[row] = t.offset(stackId, f);
        module.append(t.module(stackId, f));
        function.append(t.function(stackId, f));
        callSite.append(t.callSite(stackId, f));
        row++;
    }

    Table table() {
        Table out = Table.create(name, IntColumn.create(perHit ? "hit" : "stack_id", owner),
                IntColumn.create("frame", frame));
        if (perHit) {
            out.addColumns(Columns.address("child_sp", childSp, style));
        }
        return out.addColumns(Columns.address("ret_addr", ret, style), Columns.address("ip", ip, style), module,
                function, Columns.offset("offset", offset), callSite);
    }
}
