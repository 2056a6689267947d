package dev.poolhit.pool.kdlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a log, bounded: {@code .logopen /u} writes UTF-16 with a byte-order mark, otherwise
 * the log is read as UTF-8 (bad bytes replaced). A line longer than {@value #MAX_LINE}
 * characters is cut there and flagged, so a hostile file cannot make the reader hold unbounded
 * text.
 */
final class LogLines {
    static final int MAX_LINE = 1 << 16;
    private final Reader in;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private boolean truncated;

    private LogLines(Reader in) {
        this.in = in;
    }

    static LogLines of(InputStream raw) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        Charset cs = StandardCharsets.UTF_8;
        long skip = 0;
        if (b0 == 0xff && b1 == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xfe && b1 == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            skip = 3;
        }
        in.skipNBytes(skip);
        return new LogLines(new InputStreamReader(in, cs));
    }

    static LogLines of(Reader in) {
        return new LogLines(in);
    }

    /** Whether the last line returned was cut at {@link #MAX_LINE}. */
    boolean truncated() {
        return truncated;
    }

    /** The next line without its end, or {@code null}. */
    String next() throws IOException {
        StringBuilder out = null;
        truncated = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return out == null ? null : strip(out);
                }
            }
            if (out == null) {
                out = new StringBuilder();
            }
            while (position < limit) {
                char c = buffer[position++];
                if (c == '\n') {
                    return strip(out);
                }
                if (out.length() < MAX_LINE) {
                    out.append(c);
                } else {
                    truncated = true;
                }
            }
        }
    }

    private static String strip(StringBuilder out) {
        int n = out.length();
        return n > 0 && out.charAt(n - 1) == '\r' ? out.substring(0, n - 1) : out.toString();
    }
}
