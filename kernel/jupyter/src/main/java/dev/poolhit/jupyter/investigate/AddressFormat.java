package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.trace.Missing;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Long columns printed as WinDbg addresses ({@code fffff800`02a00000}, or {@code 82800000} for a
 * 32-bit value), so filters stay numeric.
 */
final class AddressFormat extends NumberColumnFormatter {
    private static final AddressFormat WIDE = new AddressFormat(false);
    private static final AddressFormat NARROW = new AddressFormat(true);

    private final boolean narrow;

    private AddressFormat(boolean narrow) {
        super(Missing.TEXT);
        this.narrow = narrow;
    }

    static LongColumn column(String name) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(WIDE);
        return c;
    }

    /** A column of 32-bit values (x86 registers), printed with 8 digits as WinDbg's {@code r} does. */
    static LongColumn column32(String name) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(NARROW);
        return c;
    }

    @Override
    public String format(long value) {
        if (Missing.is(value)) {
            return Missing.TEXT;
        }
        return narrow ? Hex.u32(value) : Hex.u64(value);
    }
}
