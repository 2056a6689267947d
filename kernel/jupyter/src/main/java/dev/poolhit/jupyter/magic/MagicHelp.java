package dev.poolhit.jupyter.magic;

/** The text of {@code %help}, {@code %help NAME} and Shift+Tab on a magic. */
public final class MagicHelp {
    private MagicHelp() {
    }

    /** Full help of one magic: usage, summary, options, long help. */
    public static String of(Magic magic) {
        StringBuilder text = new StringBuilder(magic.usage()).append('\n');
        if (!magic.summary().isEmpty()) {
            text.append("    ").append(magic.summary()).append('\n');
        }
        if (!magic.options().isEmpty()) {
            text.append("\nOptions:\n");
            int width = magic.options().stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
            for (MagicOption o : magic.options()) {
                text.append("  ").append(pad(o.synopsis(), width)).append("  ").append(o.description()).append('\n');
            }
        }
        if (!magic.help().isEmpty()) {
            text.append('\n').append(magic.help().strip()).append('\n');
        }
        return text.toString();
    }

    /** The overview shown by a bare {@code %help}. */
    public static String overview(MagicRegistry registry) {
        StringBuilder text = new StringBuilder("""
                PoolHit kernel: a cell is Java 17 (JShell, in the kernel's own JVM) and/or magics.
                The last expression of a cell is displayed: Tablesaw tables as tables, charts as SVG.
                In every cell: tech.tablesaw.api.*, java.util.*, Charts.bar|barh|line|scatter(table, "x", "y"),
                and var h = display(obj); h.update(newObj) for output that updates in place.

                Magics (%help NAME for details; Tab completes names and options, Shift+Tab shows help):
                """);
        int width = registry.all().stream().mapToInt(m -> m.usage().length()).max().orElse(0);
        for (Magic m : registry.all()) {
            text.append("  ").append(pad(m.usage(), width)).append("  ").append(m.summary()).append('\n');
        }
        return text.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
