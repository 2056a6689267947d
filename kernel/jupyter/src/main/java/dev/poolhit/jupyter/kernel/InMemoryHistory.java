package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * This process's cell history (session {@value #SESSION}): input plus the text/plain of its
 * result. Never returns null, because basekernel treats null as "send no reply".
 */
final class InMemoryHistory implements HistoryManager {
    static final int SESSION = 1;
    private static final int MAX_ENTRIES = 10_000;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int cell, String input, String output) {
        if (entries.size() == MAX_ENTRIES) {
            entries.remove(0);
        }
        entries.add(new HistoryEntry(SESSION, cell, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return shape(entries.subList(from, entries.size()), flags);
    }

    /** Cells {@code [start, stop)} of {@code session}; a non-positive session means this one. */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        if (session > 0 && session != SESSION) {
            return found;
        }
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                found.add(e);
            }
        }
        return shape(found, flags);
    }

    /** The last {@code n} inputs matching glob {@code pattern} ({@code *}, {@code ?}), oldest first. */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null ? "*" : pattern);
        List<HistoryEntry> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || found.size() < n); i--) {
            HistoryEntry e = entries.get(i);
            if (glob.matcher(e.getInput()).matches()
                    && (!flags.contains(ResultFlag.UNIQUE) || seen.add(e.getInput()))) {
                found.add(0, e);
            }
        }
        return shape(found, flags);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<HistoryEntry> shape(List<HistoryEntry> found, Set<ResultFlag> flags) {
        boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> shaped = new ArrayList<>(found.size());
        for (HistoryEntry e : found) {
            shaped.add(output ? e : new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput()));
        }
        return shaped;
    }
}
