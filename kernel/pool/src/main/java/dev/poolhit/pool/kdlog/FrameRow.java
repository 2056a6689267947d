package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.trace.Missing;
import java.util.regex.Pattern;

/**
 * One row under a {@link StackHeader}, parsed: its {@code Child-SP} (or {@code ChildEBP}),
 * {@code RetAddr} and call site. Inline frames ({@code (Inline Function) --------`--------})
 * have neither address.
 */
record FrameRow(long childSp, long returnAddress, CallSiteText callSite) {
    private static final Pattern ADDRESS64 = Pattern.compile("[0-9a-fA-F]{8}`[0-9a-fA-F]{8}");
    private static final Pattern ADDRESS32 = Pattern.compile("[0-9a-fA-F]{8}");
    private static final Pattern NUMBER = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final String INLINE_SP = "(Inline";
    private static final String INLINE_RET = "--------`--------";

    /** Whether a line has the shape of a frame row (so that a failure to parse it is reported). */
    static boolean looksLikeRow(String line, StackHeader h) {
        String[] t = line.strip().split("\\s+", 3);
        if (t.length == 0 || t[0].isEmpty()) {
            return false;
        }
        int i = h.numbered() && t.length > 1 && NUMBER.matcher(t[0]).matches() ? 1 : 0;
        return t[i].startsWith(INLINE_SP) || t[i].contains("`")
                || (ADDRESS32.matcher(t[i]).matches()) || i == 1;
    }

    /** The row, or an explanation of what is wrong with it. */
    static Object parse(String line, StackHeader h) {
        Tokens t = new Tokens(line.strip());
        if (h.numbered() && !NUMBER.matcher(t.next()).matches()) {
            return "expected a hex frame number first, found '" + t.last() + "'";
        }
        long sp;
        long ret;
        String spText = t.next();
        if (h.memory() && !isAddress(spText, h) && !spText.startsWith(INLINE_SP)) {
            spText = t.next(); // kf: frame size before Child-SP, blank on the first row
        }
        if (spText.startsWith(INLINE_SP)) {
            if (!t.next().equals("Function)") || !t.next().equals(INLINE_RET)) {
                return "expected '(Inline Function) --------`--------', found '" + line.strip() + "'";
            }
            sp = Missing.LONG;
            ret = Missing.LONG;
        } else {
            String retText = t.next();
            if (!isAddress(spText, h) || !isAddress(retText, h)) {
                return "expected " + (h.x86() ? "ChildEBP RetAddr" : "Child-SP RetAddr")
                        + " addresses, found '" + spText + " " + retText + "'";
            }
            sp = Long.parseUnsignedLong(spText.replace("`", ""), 16);
            ret = Long.parseUnsignedLong(retText.replace("`", ""), 16);
        }
        String rest = t.rest();
        if (h.args()) {
            rest = skipArgs(rest, h);
            if (rest == null) {
                return "expected the 'Args to Child' columns before the call site";
            }
        }
        CallSiteText cs = CallSiteText.parse(rest);
        if (cs == null) {
            return "expected a call site (module!function+0xoffset), found '" + rest.strip() + "'";
        }
        return new FrameRow(sp, ret, cs);
    }

    private static boolean isAddress(String s, StackHeader h) {
        return (h.x86() ? ADDRESS32 : ADDRESS64).matcher(s).matches();
    }

    /** x64 {@code kb}: {@code : a1 a2 a3 a4 : call site}; x86 {@code kb}: three arguments. */
    private static String skipArgs(String rest, StackHeader h) {
        if (!h.x86()) {
            String s = rest.strip();
            int second = s.startsWith(":") ? s.indexOf(':', 1) : -1;
            return second < 0 ? null : s.substring(second + 1);
        }
        Tokens t = new Tokens(rest.strip());
        for (int i = 0; i < 3; i++) {
            if (!ADDRESS32.matcher(t.next()).matches()) {
                return null;
            }
        }
        return t.rest();
    }

    /** Whitespace-separated tokens with access to the unsplit remainder. */
    private static final class Tokens {
        private final String s;
        private int at;
        private String last = "";

        Tokens(String s) {
            this.s = s;
        }

        String next() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < s.length() && !Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            last = s.substring(start, at);
            return last;
        }

        String last() {
            return last;
        }

        String rest() {
            return s.substring(at);
        }
    }
}
