package dev.poolhit.target.symbol;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The outcome of a PDB search: the matching file, if any, and one note per candidate rejected or failed. */
public record PdbLookup(Optional<Path> path, List<String> notes) {
    public PdbLookup {
        notes = List.copyOf(notes);
    }
}
