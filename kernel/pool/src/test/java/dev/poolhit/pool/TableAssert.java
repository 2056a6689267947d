package dev.poolhit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Compares two tables column by column, value by value, as stored and as printed. */
public final class TableAssert {
    private TableAssert() {}

    public static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.columnNames(), actual.columnNames(), expected.name());
        assertEquals(expected.rowCount(), actual.rowCount(), expected.name() + " rows");
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(e.get(r), a.get(r), expected.name() + "." + e.name() + " row " + r);
                assertEquals(e.getString(r), a.getString(r), expected.name() + "." + e.name() + " row " + r);
            }
        }
    }
}
