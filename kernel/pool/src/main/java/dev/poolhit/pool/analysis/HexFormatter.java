package dev.poolhit.pool.analysis;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.trace.Missing;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Prints a {@code long} column as WinDbg does: addresses as {@code fffff880`04ec1860}, offsets as
 * {@code 0x82e}; missing values print empty. Tablesaw keeps the formatter through
 * {@code where}, {@code sortOn}, {@code copy} and friends, so filtered tables print the same way.
 */
final class HexFormatter extends NumberColumnFormatter {
    static final HexFormatter ADDRESS = new HexFormatter(true);
    static final HexFormatter OFFSET = new HexFormatter(false);
    private final boolean address;

    private HexFormatter(boolean address) {
        super(Missing.TEXT);
        this.address = address;
    }

    @Override
    public String format(long value) {
        if (Missing.is(value)) {
            return Missing.TEXT;
        }
        return address ? Hex.u64(value) : Hex.offset(value);
    }

    @Override
    public String toString() {
        return address ? "WinDbg address" : "hex offset";
    }
}
