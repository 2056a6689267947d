package dev.poolhit.jupyter.display.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Chart factories for cells and magics, e.g. {@code Charts.bar(stacks, "signature", "bytes")}.
 * The value column must be numeric; missing values draw nothing.
 */
public final class Charts {
    private Charts() {
    }

    public static Chart bar(Table table, String labelColumn, String valueColumn) {
        return categorical(ChartKind.BAR, table, labelColumn, valueColumn);
    }

    public static Chart barh(Table table, String labelColumn, String valueColumn) {
        return categorical(ChartKind.HORIZONTAL_BAR, table, labelColumn, valueColumn);
    }

    /** Line through {@code (x, y)}; a non-numeric x column is plotted by row number with its text as label. */
    public static Chart line(Table table, String xColumn, String yColumn) {
        return numeric(ChartKind.LINE, table, xColumn, yColumn);
    }

    public static Chart scatter(Table table, String xColumn, String yColumn) {
        return numeric(ChartKind.SCATTER, table, xColumn, yColumn);
    }

    /** Bars from a map in its iteration order (use a LinkedHashMap or TreeMap). */
    public static Chart bar(Map<String, ? extends Number> values) {
        List<ChartPoint> points = new ArrayList<>();
        values.forEach((k, v) -> points.add(new ChartPoint(k, points.size(), v == null ? Double.NaN : v.doubleValue())));
        return new Chart(ChartKind.BAR, "", "", "", points, Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
    }

    private static Chart categorical(ChartKind kind, Table table, String labelColumn, String valueColumn) {
        Column<?> labels = table.column(labelColumn);
        NumericColumn<?> values = numericColumn(table, valueColumn);
        List<ChartPoint> points = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String label = labels.isMissing(r) ? "" : labels.getString(r);
            points.add(new ChartPoint(label, r, values.isMissing(r) ? Double.NaN : values.getDouble(r)));
        }
        return new Chart(kind, title(table), labelColumn, valueColumn, points, Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
    }

    private static Chart numeric(ChartKind kind, Table table, String xColumn, String yColumn) {
        Column<?> xs = table.column(xColumn);
        NumericColumn<?> ys = numericColumn(table, yColumn);
        List<ChartPoint> points = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            double x = xs instanceof NumericColumn<?> n ? (n.isMissing(r) ? Double.NaN : n.getDouble(r)) : r;
            String label = xs.isMissing(r) ? "" : xs.getString(r);
            points.add(new ChartPoint(label, x, ys.isMissing(r) ? Double.NaN : ys.getDouble(r)));
        }
        return new Chart(kind, title(table), xColumn, yColumn, points, Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
    }

    private static NumericColumn<?> numericColumn(Table table, String name) {
        Column<?> c = table.column(name);
        if (c instanceof NumericColumn<?> n) {
            return n;
        }
        throw new IllegalArgumentException("column '" + name + "' must be numeric for a chart value, but is "
                + c.type().name());
    }

    private static String title(Table table) {
        return table.name() == null ? "" : table.name();
    }
}
