package dev.poolhit.jupyter.display.chart;

import java.util.List;
import java.util.Objects;

/**
 * A chart as data; the kernel renders it as {@code image/svg+xml} (plus a text/plain summary)
 * when a cell returns it. Build with {@link Charts}, adjust with the {@code with...} methods.
 *
 * @param kind   bar, horizontal bar, line or scatter
 * @param title  shown on top; "" for none
 * @param xLabel names the categories (bars) or the x values (line, scatter)
 * @param yLabel names the values, whichever way the bars run
 * @param points the data, in drawing order
 * @param width  SVG width in pixels (at least 100)
 * @param height SVG height in pixels (at least 80)
 */
public record Chart(ChartKind kind, String title, String xLabel, String yLabel, List<ChartPoint> points,
                    int width, int height) {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 360;

    public Chart {
        Objects.requireNonNull(kind, "kind");
        points = List.copyOf(points);
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("chart size too small: " + width + "x" + height
                    + " (minimum 100x80)");
        }
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
    }

    public Chart withTitle(String newTitle) {
        return new Chart(kind, newTitle, xLabel, yLabel, points, width, height);
    }

    public Chart withLabels(String newXLabel, String newYLabel) {
        return new Chart(kind, title, newXLabel, newYLabel, points, width, height);
    }

    public Chart withSize(int newWidth, int newHeight) {
        return new Chart(kind, title, xLabel, yLabel, points, newWidth, newHeight);
    }

    /** The SVG document. */
    public String toSvg() {
        return SvgChart.render(this);
    }

    @Override
    public String toString() {
        String name = title.isEmpty() ? kind.name().toLowerCase() + " chart" : title;
        return name + " (" + points.size() + " points, " + xLabel + " vs " + yLabel + ")";
    }
}
