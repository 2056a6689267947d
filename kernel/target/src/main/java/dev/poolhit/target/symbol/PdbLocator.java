package dev.poolhit.target.symbol;

import dev.poolhit.target.PdbFormatException;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.pe.CodeViewInfo;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Searches a symbol path for the PDB matching an image's RSDS record, in path order: folders
 * ({@code DIR/name}, {@code DIR/name/KEY/name}), caches, then each server's downstream stores and
 * the server itself. Candidates with another GUID or age, unreadable or corrupt ones are skipped
 * with a note; download failures become notes too, and the search goes on.
 */
public final class PdbLocator {
    private final SymbolPath path;
    private final Optional<SymbolServerClient> client;

    /** @param client empty to stay offline (servers' http URLs are then skipped with a note) */
    public PdbLocator(SymbolPath path, Optional<SymbolServerClient> client) {
        this.path = path;
        this.client = client;
    }

    public PdbLookup find(CodeViewInfo id) {
        List<String> notes = new ArrayList<>();
        for (SymbolPathElement element : path.elements()) {
            Optional<Path> found = search(element, id, notes);
            if (found.isPresent()) {
                return new PdbLookup(found, notes);
            }
        }
        return new PdbLookup(Optional.empty(), notes);
    }

    private Optional<Path> search(SymbolPathElement element, CodeViewInfo id, List<String> notes) {
        if (element instanceof SymbolFolderElement f) {
            return firstMatch(List.of(f.dir().resolve(id.pdbFileName()), PdbMatch.storePath(f.dir(), id)), id, notes);
        }
        if (element instanceof SymbolCacheElement c) {
            return firstMatch(List.of(PdbMatch.storePath(c.dir(), id)), id, notes);
        }
        return fromServer((SymbolServerElement) element, id, notes);
    }

    private Optional<Path> fromServer(SymbolServerElement s, CodeViewInfo id, List<String> notes) {
        List<Path> local = new ArrayList<>();
        s.caches().forEach(c -> local.add(PdbMatch.storePath(c, id)));
        if (!s.isHttp()) {
            local.add(PdbMatch.storePath(Path.of(s.server()), id));
        }
        Optional<Path> cached = firstMatch(local, id, notes);
        if (cached.isPresent() || !s.isHttp()) {
            return cached;
        }
        if (client.isEmpty()) {
            notes.add(SymbolServerClient.url(s.server(), id) + ": not downloaded (offline)");
            return Optional.empty();
        }
        try {
            Optional<Path> got = client.get().fetch(s.server(), id, s.caches().get(0));
            if (got.isEmpty()) {
                notes.add(SymbolServerClient.url(s.server(), id) + ": not on the server (HTTP 404)");
            }
            return got;
        } catch (SymbolException e) {
            notes.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Path> firstMatch(List<Path> candidates, CodeViewInfo id, List<String> notes) {
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                String mismatch = PdbMatch.mismatch(PdbFile.open(candidate), id, candidate);
                if (mismatch == null) {
                    return Optional.of(candidate);
                }
                notes.add(mismatch);
            } catch (PdbFormatException | UncheckedIOException e) {
                notes.add(candidate + ": unusable: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
