package dev.poolhit.jupyter.display.chart;

/**
 * One data point. Bars use {@code label} and {@code y}; line and scatter use {@code x} and
 * {@code y}. A NaN {@code y} (a missing value) draws nothing.
 */
public record ChartPoint(String label, double x, double y) {
}
