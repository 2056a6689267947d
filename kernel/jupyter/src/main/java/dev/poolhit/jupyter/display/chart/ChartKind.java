package dev.poolhit.jupyter.display.chart;

/** The chart types the SVG renderer draws. */
public enum ChartKind {
    /** Vertical bars, one per category. */
    BAR,
    /** Horizontal bars, one per category; best for long labels such as call sites. */
    HORIZONTAL_BAR,
    /** A polyline through the points in x order given. */
    LINE,
    /** One dot per point. */
    SCATTER
}
