package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Missing;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Typed access to one CSV record of a trace-file entry. Every failure is a {@link BadField}
 * naming the column, what it expected and what it found; the reader adds entry and line.
 * An empty field is a missing value.
 */
final class Fields {
    private final List<String> header;
    private final List<String> values;

    Fields(List<String> header, List<String> values) {
        if (values.size() != header.size()) {
            throw new BadField("expected " + header.size() + " fields (" + String.join(",", header)
                    + "), found " + values.size());
        }
        this.header = header;
        this.values = values;
    }

    String text(int column) {
        return values.get(column);
    }

    /** Hex address or number ({@code fffff880`04ec1860}, {@code 0x82e}); empty is missing. */
    long hex(int column) {
        String s = values.get(column);
        if (s.isEmpty()) {
            return Missing.LONG;
        }
        try {
            return HexText.parse(s, 0, s.length());
        } catch (NumberFormatException e) {
            throw bad(column, "a hex number", s);
        }
    }

    long decimal(int column) {
        String s = values.get(column);
        if (s.isEmpty()) {
            return Missing.LONG;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw bad(column, "a decimal number", s);
        }
    }

    int decimalInt(int column) {
        long v = decimal(column);
        if (Missing.is(v)) {
            return Missing.INT;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw bad(column, "a number from 0 to " + Integer.MAX_VALUE, values.get(column));
        }
        return (int) v;
    }

    /** A required non-negative int (ids, counts). */
    int requiredInt(int column) {
        int v = decimalInt(column);
        if (Missing.is(v)) {
            throw bad(column, "a number", "an empty field");
        }
        return v;
    }

    /** ISO-8601 instant as epoch nanoseconds; empty is missing. */
    long instant(int column) {
        return instant(column, new TimeText());
    }

    /** As {@link #instant(int)}, with the caller's cache of the last second. */
    long instant(int column, TimeText times) {
        String s = values.get(column);
        if (s.isEmpty()) {
            return Missing.LONG;
        }
        try {
            return times.parse(s);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(column, "an ISO-8601 instant within 1677-2262", s);
        }
    }

    BadField bad(int column, String expected, String actual) {
        return new BadField(header.get(column) + ": expected " + expected + ", found '"
                + (actual.length() > 60 ? actual.substring(0, 60) + "..." : actual) + "'");
    }

    static void appendInstant(StringBuilder out, long epochNanos) {
        if (!Missing.is(epochNanos)) {
            new TimeText().append(out, epochNanos);
        }
    }

    static void appendU64(StringBuilder out, long v) {
        if (!Missing.is(v)) {
            HexText.appendU64(out, v);
        }
    }

    static void appendDecimal(StringBuilder out, long v) {
        if (!Missing.is(v)) {
            out.append(v);
        }
    }

    /** A field that does not hold what its column requires. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message);
        }
    }
}
