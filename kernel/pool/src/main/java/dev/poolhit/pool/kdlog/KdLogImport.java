package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.trace.Trace;
import java.util.List;

/**
 * The result of importing a kd log.
 *
 * @param trace    one hit per break, stacks as {@code k} printed them
 * @param warnings lines that were skipped and why, each starting with {@code line N:}
 */
public record KdLogImport(Trace trace, List<String> warnings) {
    public KdLogImport {
        warnings = List.copyOf(warnings);
    }
}
