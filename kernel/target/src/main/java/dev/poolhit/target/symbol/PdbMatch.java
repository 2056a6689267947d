package dev.poolhit.target.symbol;

import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.pdb.PdbInfo;
import dev.poolhit.target.pe.CodeViewInfo;
import java.nio.file.Path;

/** Checks a PDB against an image's RSDS record: GUID and age must both match (symsrv rule). */
final class PdbMatch {
    private PdbMatch() {}

    /** Null when {@code pdb} matches {@code id}, else the mismatch described for a note or error. */
    static String mismatch(PdbFile pdb, CodeViewInfo id, Path where) {
        PdbInfo info = pdb.info();
        if (info.guid().equals(id.guid()) && info.age() == id.age()) {
            return null;
        }
        return String.format("%s: GUID %s age %d, expected GUID %s age %d", where, info.guid(), info.age(),
                id.guid(), id.age());
    }

    /** {@code DIR/name/KEY/name}, the symbol store layout WinDbg's caches use. */
    static Path storePath(Path store, CodeViewInfo id) {
        String name = id.pdbFileName();
        return store.resolve(name).resolve(id.symbolKey()).resolve(name);
    }
}
