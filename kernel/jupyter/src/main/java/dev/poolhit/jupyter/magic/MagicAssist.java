package dev.poolhit.jupyter.magic;

import java.util.ArrayList;
import java.util.List;

/** Tab completion and Shift+Tab help for magic lines; returns null when the cursor is not on one. */
public final class MagicAssist {
    /**
     * Matches replacing {@code [start, end)} of the code.
     *
     * @param matches candidates, e.g. {@code %help} or {@code --timeout}
     * @param start   first replaced offset
     * @param end     offset after the replaced text (the cursor)
     */
    public record Completion(List<String> matches, int start, int end) {
    }

    private final MagicRegistry registry;

    public MagicAssist(MagicRegistry registry) {
        this.registry = registry;
    }

    public Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String before = code.substring(lineStart, cursor);
        if (!before.startsWith("%")) {
            return null;
        }
        int wordStart = cursor;
        while (wordStart > lineStart && !Character.isWhitespace(code.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = code.substring(wordStart, cursor);
        List<String> matches = new ArrayList<>();
        if (wordStart == lineStart) {
            registry.keys().stream().filter(k -> k.startsWith(word)).forEach(matches::add);
            return new Completion(matches, wordStart, cursor);
        }
        Magic magic = registry.find(before.split("\\s+", 2)[0]);
        if (magic == null) {
            return new Completion(matches, wordStart, cursor);
        }
        if (word.startsWith("-")) {
            magic.options().stream().map(MagicOption::name).filter(n -> n.startsWith(word)).forEach(matches::add);
        } else if (magic.name().equals("help")) {
            registry.all().stream().map(Magic::name).distinct().filter(n -> n.startsWith(word)).forEach(matches::add);
        }
        return new Completion(matches, wordStart, cursor);
    }

    /** Help text of the magic on the cursor's line, or null. */
    public String inspect(String code, int cursor) {
        int at = Math.min(cursor, code.length());
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = code.indexOf('\n', at);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        if (!line.startsWith("%")) {
            return null;
        }
        String[] words = line.strip().split("\\s+");
        Magic magic = registry.find(words[0]);
        if (magic != null && magic.name().equals("help") && words.length > 1) {
            Magic asked = words[1].startsWith("%") ? registry.find(words[1]) : registry.findAny(words[1]);
            magic = asked != null ? asked : magic;
        }
        return magic == null ? null : MagicHelp.of(magic);
    }
}
