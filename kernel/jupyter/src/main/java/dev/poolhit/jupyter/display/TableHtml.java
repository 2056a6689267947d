package dev.poolhit.jupyter.display;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a script-free HTML table: every header and cell escaped, numeric columns
 * right-aligned, missing values as empty cells, and past {@code maxRows} only the head and the
 * tail with a "…" row between. The caption gives the shape: {@code hits: 1,234 rows × 12 columns}.
 */
public final class TableHtml {
    /** Rows shown before a table is cut to head + "…" + tail. */
    public static final int DEFAULT_MAX_ROWS = 30;

    private TableHtml() {
    }

    public static String render(Table table) {
        return render(table, DEFAULT_MAX_ROWS);
    }

    public static String render(Table table, int maxRows) {
        int rows = table.rowCount();
        List<Column<?>> columns = table.columns();
        StringBuilder html = new StringBuilder(256 + rows * 32);
        html.append("<div style=\"overflow-x:auto\"><table class=\"poolhit-table\">\n<caption>")
                .append(Html.escape(caption(table))).append("</caption>\n<thead><tr>");
        for (Column<?> c : columns) {
            html.append("<th").append(align(c)).append('>').append(Html.escape(c.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        if (rows <= maxRows) {
            appendRows(html, columns, 0, rows);
        } else {
            int head = (maxRows + 1) / 2;
            appendRows(html, columns, 0, head);
            html.append("<tr>");
            columns.forEach(c -> html.append("<td").append(align(c)).append(">…</td>"));
            html.append("</tr>\n");
            appendRows(html, columns, rows - (maxRows - head), rows);
        }
        return html.append("</tbody>\n</table></div>").toString();
    }

    /** {@code name: N rows × M columns}; without a name, just the shape. */
    public static String caption(Table table) {
        String shape = String.format(Locale.ROOT, "%,d row%s × %,d column%s", table.rowCount(),
                table.rowCount() == 1 ? "" : "s", table.columnCount(), table.columnCount() == 1 ? "" : "s");
        String name = table.name();
        return name == null || name.isBlank() ? shape : name + ": " + shape;
    }

    private static void appendRows(StringBuilder html, List<Column<?>> columns, int from, int to) {
        for (int r = from; r < to; r++) {
            html.append("<tr>");
            for (Column<?> c : columns) {
                String text = c.isMissing(r) ? "" : c.getString(r);
                html.append("<td").append(align(c)).append('>').append(Html.escape(text)).append("</td>");
            }
            html.append("</tr>\n");
        }
    }

    private static String align(Column<?> c) {
        return c instanceof NumericColumn<?> ? " style=\"text-align:right\"" : "";
    }
}
