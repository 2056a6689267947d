package dev.poolhit.pool.analysis;

import java.time.Instant;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;

/**
 * Column factories, so that every table holds addresses the same way.
 *
 * <p>Addresses are {@link LongColumn}s printed WinDbg style by {@link HexFormatter}: a number
 * keeps the table compact (8 bytes a row instead of a 17-character string), filters exactly with
 * a Java hex literal ({@code t.longColumn("address").isEqualTo(0xfffff88004ec1860L)}) and its
 * missing value ({@code Long.MIN_VALUE}) is non-canonical, so it never collides with a real
 * address. Tablesaw compares longs signed: kernel addresses ({@code ffff...}) are negative and
 * sort before user-mode ones; within one half, ranges and sorting follow address order.
 */
final class Columns {
    private Columns() {}

    /** Values stay u64 (x86 ones sign-extended), so tables of both machines join; printing follows {@code style}. */
    static LongColumn address(String name, long[] values, AddressStyle style) {
        LongColumn c = LongColumn.create(name, values);
        c.setPrintFormatter(HexFormatter.address(style));
        return c;
    }

    static LongColumn offset(String name, long[] values) {
        LongColumn c = LongColumn.create(name, values);
        c.setPrintFormatter(HexFormatter.OFFSET);
        return c;
    }

    /** Appends epoch nanoseconds; Tablesaw instants keep millisecond precision. */
    static void appendTime(InstantColumn c, long epochNanos) {
        if (Missing.is(epochNanos)) {
            c.appendMissing();
        } else {
            c.append(Instant.ofEpochSecond(0, epochNanos));
        }
    }
}
