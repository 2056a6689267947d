package dev.poolhit.pool.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code time} column's ISO-8601 text, a million rows at a time. The writer always prints
 * nine fraction digits ({@code 2025-11-26T00:00:00.123456789Z}); hits come in time order, so the
 * date-and-second prefix is cached and only the fraction changes from row to row. Any other
 * ISO-8601 instant is read through {@link Instant#parse}.
 */
final class TimeText {
    private static final int PREFIX = 19; // yyyy-MM-ddTHH:mm:ss
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    void append(StringBuilder out, long epochNanos) {
        long second = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nano = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        if (second != cachedSecond) {
            cachedPrefix = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            if (cachedPrefix.length() == PREFIX - 3) {
                cachedPrefix += ":00"; // LocalDateTime omits zero seconds
            }
            cachedSecond = second;
        }
        out.append(cachedPrefix).append('.');
        String digits = Integer.toString(nano);
        out.append("000000000", digits.length(), 9).append(digits).append('Z');
    }

    /**
     * Epoch nanoseconds of an ISO-8601 instant.
     *
     * @throws DateTimeParseException or ArithmeticException when it is none, or out of range
     */
    long parse(String s) {
        if (s.length() == PREFIX + 11 && s.charAt(PREFIX) == '.' && s.charAt(s.length() - 1) == 'Z'
                && s.charAt(10) == 'T') {
            if (!s.regionMatches(0, cachedPrefix, 0, PREFIX) || cachedPrefix.length() != PREFIX) {
                cachedPrefix = s.substring(0, PREFIX);
                cachedSecond = LocalDateTime.parse(cachedPrefix).toEpochSecond(ZoneOffset.UTC);
            }
            int nano = 0;
            for (int i = PREFIX + 1; i < PREFIX + 10; i++) {
                int d = s.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    throw new DateTimeParseException("fraction is not 9 digits", s, i);
                }
                nano = nano * 10 + d;
            }
            return Math.addExact(Math.multiplyExact(cachedSecond, 1_000_000_000L), nano);
        }
        Instant i = Instant.parse(s);
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }
}
