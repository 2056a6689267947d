package dev.poolhit.jupyter.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest {
    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void escapesHeadersAndCells() {
        Table t = Table.create("<t>", StringColumn.create("a&b", "<script>alert('x')</script>", "\"q\""));
        String html = TableHtml.render(t);
        assertTrue(html.contains("<th>a&amp;b</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("<td>&quot;q&quot;</td>"), html);
        assertTrue(html.contains("<caption>&lt;t&gt;: 2 rows × 1 column</caption>"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void numbersAlignRightAndMissingValuesAreEmpty() {
        Table t = Table.create("m", DoubleColumn.create("d", 1.5, Double.NaN), StringColumn.create("s", "x", null));
        String html = TableHtml.render(t);
        assertTrue(html.contains("<th style=\"text-align:right\">d</th><th>s</th>"), html);
        assertTrue(html.contains("<tr><td style=\"text-align:right\"></td><td></td></tr>"), html);
        assertFalse(html.contains("NaN"));
    }

    @Test
    void longTablesShowHeadEllipsisAndTail() {
        Table t = Table.create("long", IntColumn.create("n", IntStream.range(0, 1234).toArray()));
        String html = TableHtml.render(t, 10);
        assertEquals(11, count(html, "<tr><td"), "5 head + ellipsis + 5 tail rows");
        assertTrue(html.contains("<td style=\"text-align:right\">4</td></tr>\n<tr><td style=\"text-align:right\">…</td>"
                + "</tr>\n<tr><td style=\"text-align:right\">1229</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">1233</td>"));
        assertFalse(html.contains(">5</td>"));
        assertEquals("long: 1,234 rows × 1 column", TableHtml.caption(t));
        assertEquals(30, count(TableHtml.render(Table.create("s", IntColumn.create("n", new int[30]))), "<tr><td"));
    }

    @Test
    void captionWithoutNameIsJustTheShape() {
        assertEquals("0 rows × 0 columns", TableHtml.caption(Table.create()));
    }

    @Test
    void escapeReplacesCharactersXmlForbids() {
        assertEquals("a\uFFFDb\tc", Html.escape("a\u0001b\tc"));
        assertEquals("", Html.escape(null));
    }
}
