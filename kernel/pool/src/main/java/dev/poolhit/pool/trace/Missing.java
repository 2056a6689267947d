package dev.poolhit.pool.trace;

/**
 * The one place that says how a value that was not recovered is written. PoolHit never makes up
 * a value: a block address that could not be read, a frame without a module, a hit from a kd log
 * that carries no time are all <em>missing</em>.
 *
 * <p>The sentinels are Tablesaw's own missing values, so a missing value stays missing in every
 * table without translation:
 * <ul>
 * <li>{@code long} (addresses, sizes, offsets, times): {@link #LONG} = {@code Long.MIN_VALUE},
 *     that is {@code 0x80000000`00000000}. As an address it is non-canonical on x64 and beyond
 *     4 GB on x86, so no real address is ever mistaken for it;</li>
 * <li>{@code int} (processor number): {@link #INT} = {@code Integer.MIN_VALUE};</li>
 * <li>text (module, function, call site): {@link #TEXT} = the empty string;</li>
 * <li>objects (a {@code PoolTag} nobody recorded): {@code null}.</li>
 * </ul>
 */
public final class Missing {
    /** A missing {@code long}: address, size, offset or time. */
    public static final long LONG = Long.MIN_VALUE;
    /** A missing {@code int}: processor number. */
    public static final int INT = Integer.MIN_VALUE;
    /** Missing text: module, function, call site, symbol. */
    public static final String TEXT = "";

    private Missing() {}

    /** Whether {@code value} is the missing {@code long}. */
    public static boolean is(long value) {
        return value == LONG;
    }

    /** Whether {@code value} is the missing {@code int}. */
    public static boolean is(int value) {
        return value == INT;
    }

    /** Whether {@code text} is missing (empty). */
    public static boolean is(String text) {
        return text.isEmpty();
    }
}
