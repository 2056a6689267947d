package dev.poolhit.jupyter.display.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis with "nice" round ticks (1, 2, 5 × 10^k steps) covering a data range. */
record Scale(double min, double max, double step) {
    static Scale nice(double lo, double hi, int ticks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.5;
            lo -= pad;
            hi += pad;
        }
        double step = niceNumber((hi - lo) / Math.max(1, ticks - 1));
        return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    private static double niceNumber(double rough) {
        double exponent = Math.floor(Math.log10(rough));
        double fraction = rough / Math.pow(10, exponent);
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * Math.pow(10, exponent);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** Pixel position of {@code value} when the axis runs from pixel {@code from} to {@code to}. */
    double map(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** Tick text with as many decimals as the step needs and thousands separators. */
    String label(double value) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        double v = Math.abs(value) < step * 1e-6 ? 0 : value;
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
