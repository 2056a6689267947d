package dev.poolhit.jupyter.display.chart;

import dev.poolhit.jupyter.display.Html;
import java.util.Locale;

/** Small SVG writer: fixed number formatting so the same chart always gives the same bytes. */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    Svg(int width, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">\n")
                .append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\"/>\n");
        return this;
    }

    Svg rect(String cssClass, double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
                .append(num(Math.max(0, h))).append("\" fill=\"").append(fill).append("\">")
                .append("<title>").append(Html.escape(tooltip)).append("</title></rect>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle class=\"point\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append("\">")
                .append("<title>").append(Html.escape(tooltip)).append("</title></circle>\n");
        return this;
    }

    Svg polyline(CharSequence points, String stroke) {
        out.append("<polyline class=\"line\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n");
        return this;
    }

    /** Text anchored {@code start|middle|end}, optionally rotated about its anchor point. */
    Svg text(String cssClass, double x, double y, String anchor, int rotate, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(rotate).append(' ').append(num(x)).append(' ')
                    .append(num(y)).append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    String finish() {
        return out.append("</svg>\n").toString();
    }
}
