package dev.poolhit.jupyter.display;

/** Escaping for HTML and SVG (XML) text and attribute values. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and replaces characters XML 1.0 forbids (most C0 controls) with
     * U+FFFD, so any cell value or label is safe inside text or a quoted attribute.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
