package dev.poolhit.jupyter.magic;

import java.util.Collection;

/** "did you mean" by edit distance, for mistyped magic and option names. */
final class Suggest {
    private static final int MAX_DISTANCE = 3;

    private Suggest() {
    }

    /**
     * The closest candidate within a few edits, or null. A candidate that needs as many edits as
     * the word has letters is a different word, not a typo ({@code %☃} is not {@code %g}).
     */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int letters = word.replaceFirst("^[%-]+", "").length();
        int bestDistance = Math.min(MAX_DISTANCE + 1, letters);
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code " (did you mean X?)"} or "". */
    static String didYouMean(String word, Collection<String> candidates) {
        String near = nearest(word, candidates);
        return near == null ? "" : " (did you mean " + near + "?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
