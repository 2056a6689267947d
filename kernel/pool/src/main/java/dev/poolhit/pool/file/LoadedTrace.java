package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Trace;
import java.util.List;

/**
 * A trace read from a file.
 *
 * @param trace    the hits, stacks and modules
 * @param complete whether the file was closed cleanly ({@code end.json} present and matching);
 *                 false for a recording that stopped abruptly, of which every flushed hit is kept
 * @param notes    what the reader had to say: an incomplete last entry, ignored entries
 */
public record LoadedTrace(Trace trace, boolean complete, List<String> notes) {
    public LoadedTrace {
        notes = List.copyOf(notes);
    }
}
