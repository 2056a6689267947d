package dev.poolhit.pool.file;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as the trace file's entries use it: comma separated, a field quoted with
 * {@code "} when it holds a comma, quote, line break or leading/trailing blank, quotes doubled
 * inside; lines end with {@code \n}. The reader bounds record length, so a hostile file cannot
 * make it hold unbounded text.
 */
final class Csv {
    /** Longest record the reader accepts, in characters. */
    static final int MAX_RECORD = 1 << 20;

    private Csv() {}

    static void appendField(StringBuilder out, String field) {
        if (needsQuotes(field)) {
            out.append('"').append(field.replace("\"", "\"\"")).append('"');
        } else {
            out.append(field);
        }
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Reads records one at a time; reports the line number each record started on. */
    static final class RecordReader {
        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private int line;
        private int recordLine;

        RecordReader(Reader in) {
            this.in = in;
        }

        /** The line the last record returned by {@link #next} started on (1-based). */
        int recordLine() {
            return recordLine;
        }

        /** The next record's fields, or {@code null} at the end of input. */
        List<String> next() throws IOException {
            String text = readLine(0);
            if (text == null) {
                return null;
            }
            recordLine = line;
            if (text.indexOf('"') < 0) {
                return split(text);
            }
            return splitQuoted(text);
        }

        /** Splits a record with quoted fields, reading further lines while a quote is open. */
        private List<String> splitQuoted(String text) throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (true) {
                if (i < text.length() && text.charAt(i) == '"') {
                    i = quoted(text, i + 1, field);
                    while (i < 0) {
                        String more = readLine(text.length());
                        if (more == null) {
                            throw new CsvSyntaxException(recordLine, "quoted field not closed before end of entry");
                        }
                        field.append('\n');
                        text = text + "\n" + more;
                        i = quoted(text, text.length() - more.length(), field);
                    }
                    if (i < text.length() && text.charAt(i) != ',') {
                        throw new CsvSyntaxException(recordLine, "text after a closing quote");
                    }
                } else {
                    int comma = text.indexOf(',', i);
                    int end = comma < 0 ? text.length() : comma;
                    field.append(text, i, end);
                    i = end;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= text.length()) {
                    return fields;
                }
                i++;
            }
        }

        /** Reads a quoted field's text from {@code i}; the index past the closing quote, or -1. */
        private static int quoted(String text, int i, StringBuilder field) {
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                field.append(c);
                i++;
            }
            return -1;
        }

        private static List<String> split(String text) {
            List<String> fields = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ',') {
                    fields.add(text.substring(from, i));
                    from = i + 1;
                }
            }
            fields.add(text.substring(from));
            return fields;
        }

        /** One line without its end ({@code \n}, {@code \r\n}); null at the end of input. */
        private String readLine(int alreadyRead) throws IOException {
            StringBuilder out = null;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return out == null ? null : finish(out);
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (out == null) {
                    out = new StringBuilder(Math.max(16, position - start));
                }
                out.append(buffer, start, position - start);
                if (alreadyRead + out.length() > MAX_RECORD) {
                    throw new CsvSyntaxException(line + 1, "record longer than " + MAX_RECORD + " characters");
                }
                if (position < limit) {
                    position++;
                    return finish(out);
                }
            }
        }

        private String finish(StringBuilder out) {
            line++;
            int n = out.length();
            return n > 0 && out.charAt(n - 1) == '\r' ? out.substring(0, n - 1) : out.toString();
        }
    }

    /** A syntax error at a line; the reader's caller adds the entry name. */
    static final class CsvSyntaxException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        CsvSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
