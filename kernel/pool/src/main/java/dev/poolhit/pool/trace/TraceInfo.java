package dev.poolhit.pool.trace;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.target.AddressStyle;
import java.util.Objects;

/**
 * What a trace was recorded from: written into the trace file's manifest so an analysis re-run
 * from the file knows its origin, and prints addresses the way the recorded machine's debugger does.
 *
 * @param source        how it was made: {@code "live tcp:localhost:5555"}, {@code "kd-log x.log"}
 * @param targetVersion the target's version line ({@code "Windows 7 x64 build 7601"}), or missing
 * @param tag           the armed tag, or {@code null} when unknown
 * @param started       epoch nanoseconds when recording started, or {@link Missing#LONG}
 * @param addressStyle  the recorded machine's pointer width: how its addresses print
 */
public record TraceInfo(String source, String targetVersion, PoolTag tag, long started, AddressStyle addressStyle) {
    public TraceInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetVersion, "targetVersion (use Missing.TEXT)");
        Objects.requireNonNull(addressStyle, "addressStyle");
    }

    /** A trace of an x64 target (what every trace was before x86 targets). */
    public TraceInfo(String source, String targetVersion, PoolTag tag, long started) {
        this(source, targetVersion, tag, started, AddressStyle.X64);
    }
}
