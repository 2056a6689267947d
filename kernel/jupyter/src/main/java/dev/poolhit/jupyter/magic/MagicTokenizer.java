package dev.poolhit.jupyter.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into tokens, shell style: whitespace separates; {@code '...'}
 * is literal; {@code "..."} is literal except {@code \"} and {@code \\}; quoted pieces join
 * adjacent text ({@code --name="a b"}); {@code ""} is an empty token. A backslash outside
 * quotes is an ordinary character, so Windows paths ({@code C:\symbols}) need no quoting.
 * Written here because basekernel's splitter ignores single quotes and corrupts tokens after
 * {@code ""} (jupyter-kernel.md 1.8).
 */
public final class MagicTokenizer {
    private MagicTokenizer() {
    }

    /** Tokens of {@code text}; an unterminated quote is a {@link MagicUsageException} with {@code usage}. */
    public static List<String> tokenize(String text, String usage) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(text, i, token, usage);
                inToken = true;
            } else {
                token.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** Appends the quoted section starting at {@code open}; returns the index after its close. */
    private static int quoted(String text, int open, StringBuilder token, String usage) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (quote == '"' && c == '\\' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                token.append(text.charAt(i + 1));
                i += 2;
            } else {
                token.append(c);
                i++;
            }
        }
        String kind = quote == '"' ? "double" : "single";
        throw new MagicUsageException("unterminated " + kind + " quote starting at column " + (open + 1)
                + ": " + text.substring(open), usage);
    }
}
