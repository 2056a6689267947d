package dev.poolhit.jupyter.investigate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of {@code bad-arguments.table}: a cell with one thing wrong, run in a given kernel state,
 * and the exact error it must give.
 *
 * @param line     line number in the table, for failure messages
 * @param kind     what is wrong
 * @param state    the kernel state the cell runs in
 * @param cell     the cell, {@code \}{@code uXXXX} already turned into its character
 * @param expected the error's title, exactly ({@code $TMP}, {@code $CWD} not yet substituted)
 * @param detail   {@code usage}, {@code -} or the one detail line
 */
record BadArgumentRow(int line, BadArgumentKind kind, KernelState state, String cell, String expected, String detail) {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern MAGIC = Pattern.compile("^(%%?[A-Za-z][A-Za-z0-9_-]*)");

    /** Parses {@code kind | state | cell | expected | detail}. */
    static BadArgumentRow parse(int line, String text) {
        String[] columns = text.split("\\|", 5);
        if (columns.length != 5) {
            throw new IllegalArgumentException("bad-arguments.table line " + line + ": expected 5 columns, got "
                    + columns.length + ": " + text);
        }
        return new BadArgumentRow(line, BadArgumentKind.of(columns[0].strip()), KernelState.of(columns[1].strip()),
                unescape(columns[2].strip()), columns[3].strip(), columns[4].strip());
    }

    private static String unescape(String cell) {
        Matcher m = ESCAPE.matcher(cell);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    /** The magic the cell calls, with its percent sign(s). */
    String magic() {
        Matcher m = MAGIC.matcher(cell);
        if (!m.find()) {
            throw new IllegalArgumentException("bad-arguments.table line " + line + ": not a magic: " + cell);
        }
        return m.group(1);
    }

    @Override
    public String toString() {
        return "line " + line + " [" + state.spelling() + "] " + cell;
    }
}
