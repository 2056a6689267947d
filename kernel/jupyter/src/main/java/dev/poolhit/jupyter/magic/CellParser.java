package dev.poolhit.jupyter.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into {@link CellPart}s. A cell magic is a cell whose first line that is not
 * blank or a {@code //} comment starts with {@code %%}; it takes the whole rest of the cell (an
 * empty body is allowed). Otherwise every line that starts, at column 0, with {@code %} and a
 * letter is a line magic, and the runs of lines between them are Java.
 */
public final class CellParser {
    private CellParser() {
    }

    public static List<CellPart> parse(String cell) {
        String[] lines = cell.split("\r?\n", -1);
        int first = firstCodeLine(lines);
        if (first < lines.length && lines[first].startsWith("%%")) {
            return List.of(cellMagic(lines, first));
        }
        List<CellPart> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        boolean hasJava = false;
        for (int i = 0; i < lines.length; i++) {
            if (isLineMagic(lines[i])) {
                if (hasJava) {
                    parts.add(new CellPart.Java(java.toString()));
                    hasJava = false;
                }
                java.setLength(0);
                java.append("\n".repeat(i + 1));
                String[] nameAndArgs = splitName(lines[i].substring(1));
                parts.add(new CellPart.LineMagic(nameAndArgs[0], nameAndArgs[1], i + 1));
            } else {
                java.append(lines[i]).append('\n');
                hasJava |= !lines[i].isBlank();
            }
        }
        if (hasJava) {
            parts.add(new CellPart.Java(java.toString()));
        }
        return parts;
    }

    /** True for {@code %name ...} at column 0 (not {@code %%}, not {@code % 2}). */
    public static boolean isLineMagic(String line) {
        return line.length() >= 2 && line.charAt(0) == '%' && Character.isLetter(line.charAt(1));
    }

    private static int firstCodeLine(String[] lines) {
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].stripLeading().startsWith("//"))) {
            i++;
        }
        return i;
    }

    private static CellPart cellMagic(String[] lines, int at) {
        String[] nameAndArgs = splitName(lines[at].substring(2));
        StringBuilder body = new StringBuilder();
        for (int i = at + 1; i < lines.length; i++) {
            body.append(lines[i]);
            if (i + 1 < lines.length) {
                body.append('\n');
            }
        }
        return new CellPart.CellMagic(nameAndArgs[0], nameAndArgs[1], body.toString());
    }

    /** {@code "trace 500 --pair"} to {@code ["trace", "500 --pair"]}. */
    static String[] splitName(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new String[] {text.substring(0, end), text.substring(end).strip()};
    }
}
