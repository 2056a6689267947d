package dev.poolhit.jupyter.display.chart;

import java.util.List;

/**
 * Draws a {@link Chart} as a standalone SVG document: title, axes with round ticks, axis labels
 * and one mark per point ({@code rect.bar}, {@code circle.point} or {@code polyline.line}
 * segments split at missing values). Output is deterministic for a given chart.
 */
final class SvgChart {
    private static final String INK = "#333333";
    private static final String GRID = "#dddddd";
    private static final String FILL = "#4c78a8";
    private static final int TICKS = 6;
    private static final int MAX_LABEL_CHARS = 28;
    private static final double CHAR_WIDTH = 6.5;

    private final Chart chart;
    private final Svg svg;
    private final double left;
    private final double right;
    private final double top;
    private final double bottom;

    private SvgChart(Chart chart) {
        this.chart = chart;
        this.svg = new Svg(chart.width(), chart.height());
        boolean rotated = chart.kind() == ChartKind.BAR && chart.points().size() > 12;
        this.left = chart.kind() == ChartKind.HORIZONTAL_BAR ? Math.min(chart.width() / 3.0,
                32 + CHAR_WIDTH * longestLabel(chart.points())) : 64;
        this.right = chart.width() - 20;
        this.top = chart.title().isEmpty() ? 16 : 34;
        this.bottom = chart.height() - (rotated ? 96 : 48);
    }

    static String render(Chart chart) {
        SvgChart c = new SvgChart(chart);
        c.frame();
        switch (chart.kind()) {
            case BAR -> c.verticalBars();
            case HORIZONTAL_BAR -> c.horizontalBars();
            case LINE, SCATTER -> c.xy(chart.kind() == ChartKind.LINE);
            default -> throw new IllegalStateException("unknown chart kind " + chart.kind());
        }
        return c.svg.finish();
    }

    private void frame() {
        if (!chart.title().isEmpty()) {
            svg.text("title", chart.width() / 2.0, 20, "middle", 0, chart.title());
        }
        // xLabel always names the categories (or x) and yLabel the values, whichever way bars run
        boolean sideways = chart.kind() == ChartKind.HORIZONTAL_BAR;
        svg.text("x-label", (left + right) / 2, chart.height() - 8, "middle", 0,
                sideways ? chart.yLabel() : chart.xLabel());
        svg.text("y-label", 14, (top + bottom) / 2, "middle", -90, sideways ? chart.xLabel() : chart.yLabel());
        if (chart.points().stream().noneMatch(p -> Double.isFinite(p.y()))) {
            svg.text("empty", (left + right) / 2, (top + bottom) / 2, "middle", 0, "no data");
        }
    }

    private void verticalBars() {
        List<ChartPoint> points = chart.points();
        Scale values = valueScale(points);
        valueGrid(values, false);
        double band = (right - left) / Math.max(1, points.size());
        boolean rotate = points.size() > 12;
        double zero = values.map(0, bottom, top);
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            double x = left + i * band;
            if (Double.isFinite(p.y())) {
                double y = values.map(p.y(), bottom, top);
                svg.rect("bar", x + band * 0.1, Math.min(y, zero), band * 0.8, Math.abs(zero - y), FILL,
                        p.label() + ": " + values.label(p.y()));
            }
            String label = shorten(p.label(), rotate ? 16 : (int) Math.max(3, band / CHAR_WIDTH));
            svg.text("tick-label", x + band / 2, bottom + 14, rotate ? "end" : "middle", rotate ? -45 : 0, label);
        }
        svg.line(left, zero, right, zero, INK);
    }

    private void horizontalBars() {
        List<ChartPoint> points = chart.points();
        Scale values = valueScale(points);
        valueGrid(values, true);
        double band = (bottom - top) / Math.max(1, points.size());
        double zero = values.map(0, left, right);
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            double y = top + i * band;
            if (Double.isFinite(p.y())) {
                double x = values.map(p.y(), left, right);
                svg.rect("bar", Math.min(x, zero), y + band * 0.1, Math.abs(x - zero), band * 0.8, FILL,
                        p.label() + ": " + values.label(p.y()));
            }
            svg.text("tick-label", left - 6, y + band / 2 + 4, "end", 0, shorten(p.label(), MAX_LABEL_CHARS));
        }
        svg.line(zero, top, zero, bottom, INK);
    }

    private void xy(boolean connect) {
        List<ChartPoint> points = chart.points();
        Scale xs = Scale.nice(min(points, true), max(points, true), TICKS);
        Scale ys = Scale.nice(min(points, false), max(points, false), TICKS);
        valueGrid(ys, false);
        for (double t : xs.ticks()) {
            double x = xs.map(t, left, right);
            svg.line(x, bottom, x, bottom + 4, INK).text("tick-label", x, bottom + 16, "middle", 0, xs.label(t));
        }
        svg.line(left, bottom, right, bottom, INK);
        StringBuilder segment = new StringBuilder();
        for (ChartPoint p : points) {
            boolean drawable = Double.isFinite(p.x()) && Double.isFinite(p.y());
            if (!drawable) {
                flushSegment(segment, connect);
                continue;
            }
            double x = xs.map(p.x(), left, right);
            double y = ys.map(p.y(), bottom, top);
            if (connect) {
                segment.append(segment.length() == 0 ? "" : " ").append(Svg.num(x)).append(',').append(Svg.num(y));
            } else {
                svg.circle(x, y, 3, FILL, p.label() + ": " + ys.label(p.y()));
            }
        }
        flushSegment(segment, connect);
    }

    private void flushSegment(StringBuilder segment, boolean connect) {
        if (connect && segment.length() > 0) {
            svg.polyline(segment, FILL);
        }
        segment.setLength(0);
    }

    private void valueGrid(Scale values, boolean horizontal) {
        for (double t : values.ticks()) {
            if (horizontal) {
                double x = values.map(t, left, right);
                svg.line(x, top, x, bottom, GRID).text("tick-label", x, bottom + 16, "middle", 0, values.label(t));
            } else {
                double y = values.map(t, bottom, top);
                svg.line(left, y, right, y, GRID).text("tick-label", left - 6, y + 4, "end", 0, values.label(t));
            }
        }
    }

    private static Scale valueScale(List<ChartPoint> points) {
        return Scale.nice(Math.min(0, min(points, false)), Math.max(0, max(points, false)), TICKS);
    }

    private static double min(List<ChartPoint> points, boolean x) {
        return points.stream().mapToDouble(p -> x ? p.x() : p.y()).filter(Double::isFinite).min().orElse(0);
    }

    private static double max(List<ChartPoint> points, boolean x) {
        return points.stream().mapToDouble(p -> x ? p.x() : p.y()).filter(Double::isFinite).max().orElse(1);
    }

    private static int longestLabel(List<ChartPoint> points) {
        return points.stream().mapToInt(p -> Math.min(MAX_LABEL_CHARS, p.label().length())).max().orElse(0);
    }

    static String shorten(String label, int maxChars) {
        return label.length() <= maxChars ? label : label.substring(0, Math.max(1, maxChars - 1)) + "…";
    }
}
