package dev.poolhit.jupyter.display.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SvgChartTest {
    private static final Table SITES = Table.create("sites",
            StringColumn.create("site", "myfault+0x1634", "nt!Io<Create>&Co", "Ntfs+0x2a"),
            DoubleColumn.create("bytes", 512, Double.NaN, 64),
            IntColumn.create("hits", 3, 5, 9));

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int marks(Document doc, String element, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(element);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (cssClass.equals(((Element) nodes.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void barChartIsWellFormedSvgWithOneBarPerValue() throws Exception {
        Chart chart = Charts.bar(SITES, "site", "bytes").withTitle("bytes <per> site");
        Document doc = parse(chart.toSvg());
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("640", svg.getAttribute("width"));
        assertEquals("360", svg.getAttribute("height"));
        assertEquals("0 0 640 360", svg.getAttribute("viewBox"));
        assertEquals(2, marks(doc, "rect", "bar"), "the missing value draws no bar");
        assertEquals(3 + 7, marks(doc, "text", "tick-label"), "one label per category plus value ticks 0..600");
        assertTrue(chart.toSvg().contains(">bytes &lt;per&gt; site</text>"));
        assertTrue(chart.toSvg().contains("nt!Io&lt;Create&gt;&amp;Co"));
    }

    @Test
    void everyKindParsesAndCountsItsMarks() throws Exception {
        assertEquals(2, marks(parse(Charts.barh(SITES, "site", "bytes").toSvg()), "rect", "bar"));
        assertEquals(2, marks(parse(Charts.scatter(SITES, "hits", "bytes").withSize(300, 200).toSvg()), "circle", "point"));
        Document line = parse(Charts.line(SITES, "hits", "bytes").toSvg());
        assertEquals(2, marks(line, "polyline", "line"), "a missing value splits the line");
        Document full = parse(Charts.line(SITES, "site", "hits").toSvg());
        assertEquals(1, marks(full, "polyline", "line"));
        String points = ((Element) full.getElementsByTagName("polyline").item(0)).getAttribute("points");
        assertEquals(3, points.split(" ").length);
    }

    @Test
    void outputIsDeterministic() {
        Chart chart = Charts.barh(SITES, "site", "hits").withLabels("site", "hits");
        assertEquals(chart.toSvg(), Charts.barh(SITES, "site", "hits").withLabels("site", "hits").toSvg());
    }

    @Test
    void emptyDataSaysSo() throws Exception {
        Chart empty = Charts.bar(Table.create("e", StringColumn.create("k"), IntColumn.create("v")), "k", "v");
        Document doc = parse(empty.toSvg());
        assertEquals(1, marks(doc, "text", "empty"));
        assertEquals(0, marks(doc, "rect", "bar"));
    }

    @Test
    void nonNumericValuesAndTinySizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.bar(SITES, "hits", "site"));
        assertEquals("column 'site' must be numeric for a chart value, but is STRING", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.bar(SITES, "site", "hits").withSize(10, 10));
        assertEquals("chart size too small: 10x10 (minimum 100x80)", e.getMessage());
    }

    @Test
    void scaleTicksAreRound() {
        Scale s = Scale.nice(0, 512, 6);
        assertEquals(List.of(0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0), s.ticks());
        assertEquals("1,000", Scale.nice(0, 5000, 6).label(1000));
        assertEquals("0.2", Scale.nice(0, 1, 6).label(0.2));
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0), Scale.nice(5, 5, 3).ticks());
    }
}
