package dev.poolhit.jupyter.magic;

/**
 * Keeps an error message to one visible line: a message that echoes what the user typed (or
 * what a file or tool said) must not carry a line break, a terminal control byte, a bidi
 * override or an invisible character into the notebook. Those are shown as {@code \n},
 * {@code \r}, {@code \t} or {@code \}{@code uXXXX}.
 */
public final class MessageText {
    private MessageText() {
    }

    /** {@code text} with every control, format and line-separator character escaped. */
    public static String oneLine(String text) {
        if (text == null || text.codePoints().noneMatch(MessageText::invisible)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (invisible(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
