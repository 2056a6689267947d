package dev.poolhit.target.pe;

import dev.poolhit.target.Guid;

/**
 * The CodeView RSDS record of a PE debug directory: which PDB matches the image. {@link #age} is a
 * u32; {@link #symbolKey} is the symbol server directory name ({@code GUID} then age in hex).
 */
public record CodeViewInfo(Guid guid, long age, String pdbName) {
    /** {@code 72E103A85CB249078B76B2E7C06257B13}: GUID as 32 hex digits, then age in hex without padding. */
    public String symbolKey() {
        return guid.symbolServerText() + Long.toHexString(age).toUpperCase(java.util.Locale.ROOT);
    }

    /** The last path component of {@link #pdbName} (linkers often record a full build path). */
    public String pdbFileName() {
        int slash = Math.max(pdbName.lastIndexOf('\\'), pdbName.lastIndexOf('/'));
        return pdbName.substring(slash + 1);
    }
}
