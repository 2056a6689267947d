package dev.poolhit.jupyter.display;

import dev.poolhit.jupyter.display.chart.Chart;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * Registers how PoolHit's domain objects render. Every value produced is a String, so display
 * JSON can never contain NaN or Infinity (Gson rejects them; jupyter-kernel.md finding 5).
 */
public final class KernelRenderers {
    /** Rows of a table's text/plain form. */
    public static final int TEXT_ROWS = 20;

    private KernelRenderers() {
    }

    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(TEXT_ROWS));
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.render(table));
                });
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_SVG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, chart::toString);
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, chart::toSvg);
                });
    }

    /** Renders {@code value}, or an empty text result for null (basekernel would throw). */
    public static DisplayData render(Renderer renderer, Object value) {
        return value == null ? new DisplayData("null") : renderer.render(value);
    }
}
