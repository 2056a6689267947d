package dev.poolhit.pool.trace;

import java.util.Objects;

/**
 * A module loaded on the target while the trace was recorded, with the identity a symbol server
 * needs for its PDB ({@code name/GUIDAGE/name}). Unknown parts are {@link Missing}.
 *
 * @param name      module name as in {@code lm} ({@code nt}, {@code myfault})
 * @param base      image base
 * @param size      {@code SizeOfImage}
 * @param timestamp PE {@code TimeDateStamp}, or {@link Missing#LONG}
 * @param pdbName   PDB file name from the RSDS record ({@code ntkrnlmp.pdb}), or missing
 * @param pdbGuid   RSDS GUID as 32 upper-case hex digits, or missing
 * @param pdbAge    RSDS age, or {@link Missing#INT}
 */
public record ModuleInfo(String name, long base, long size, long timestamp, String pdbName,
                         String pdbGuid, int pdbAge) {
    public ModuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pdbName, "pdbName (use Missing.TEXT)");
        Objects.requireNonNull(pdbGuid, "pdbGuid (use Missing.TEXT)");
    }
}
