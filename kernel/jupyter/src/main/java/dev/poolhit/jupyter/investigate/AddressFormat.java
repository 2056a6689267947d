package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.trace.Missing;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Long columns printed as WinDbg addresses ({@code fffff800`02a00000}), so filters stay numeric. */
final class AddressFormat extends NumberColumnFormatter {
    private static final AddressFormat INSTANCE = new AddressFormat();

    private AddressFormat() {
        super(Missing.TEXT);
    }

    static LongColumn column(String name) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(INSTANCE);
        return c;
    }

    @Override
    public String format(long value) {
        return Missing.is(value) ? Missing.TEXT : Hex.u64(value);
    }
}
