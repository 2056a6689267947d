package dev.poolhit.pool.analysis;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Prints a {@code long} column as WinDbg does: addresses as {@code fffff880`04ec1860} (or
 * {@code 82800000} from an x86 target), offsets as {@code 0x82e}; missing values print empty.
 * Tablesaw keeps the formatter through {@code where}, {@code sortOn}, {@code copy} and friends,
 * so filtered tables print the same way.
 */
final class HexFormatter extends NumberColumnFormatter {
    private static final HexFormatter X64_ADDRESS = new HexFormatter(AddressStyle.X64);
    private static final HexFormatter X86_ADDRESS = new HexFormatter(AddressStyle.X86);
    static final HexFormatter OFFSET = new HexFormatter(null);
    /** The address style, or null for offsets. */
    private final AddressStyle style;

    private HexFormatter(AddressStyle style) {
        super(Missing.TEXT);
        this.style = style;
    }

    static HexFormatter address(AddressStyle style) {
        return style == AddressStyle.X86 ? X86_ADDRESS : X64_ADDRESS;
    }

    @Override
    public String format(long value) {
        if (Missing.is(value)) {
            return Missing.TEXT;
        }
        return style == null ? Hex.offset(value) : style.text(value);
    }

    @Override
    public String toString() {
        return style == null ? "hex offset" : style == AddressStyle.X86 ? "WinDbg x86 address" : "WinDbg address";
    }
}
