package dev.poolhit.jupyter.investigate;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Long columns printed as WinDbg addresses ({@code fffff800`02a00000}, or {@code 82800000} on an
 * x86 target), so filters stay numeric: x86 values stay sign-extended u64 in the column.
 */
final class AddressFormat extends NumberColumnFormatter {
    private static final AddressFormat X64 = new AddressFormat(AddressStyle.X64);
    private static final AddressFormat X86 = new AddressFormat(AddressStyle.X86);
    /** x86 register values, held zero-extended: always 8 digits. */
    private static final AddressFormat REGISTER32 = new AddressFormat(null);

    /** The style, or null for 32-bit register values. */
    private final AddressStyle style;

    private AddressFormat(AddressStyle style) {
        super(Missing.TEXT);
        this.style = style;
    }

    /** A column of addresses of a target whose addresses print as {@code style}. */
    static LongColumn column(String name, AddressStyle style) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(style == AddressStyle.X86 ? X86 : X64);
        return c;
    }

    /** A column of 32-bit values (x86 registers), printed with 8 digits as WinDbg's {@code r} does. */
    static LongColumn column32(String name) {
        LongColumn c = LongColumn.create(name);
        c.setPrintFormatter(REGISTER32);
        return c;
    }

    @Override
    public String format(long value) {
        if (Missing.is(value)) {
            return Missing.TEXT;
        }
        return style == null ? Hex.u32(value) : style.text(value);
    }
}
