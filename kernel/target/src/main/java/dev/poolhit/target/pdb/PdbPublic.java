package dev.poolhit.target.pdb;

/**
 * An S_PUB32 record: the (decorated) name, its section:offset, flags (1 = code, 2 = function...),
 * and the RVA computed from the DBI section headers (-1 when the segment has no header).
 */
public record PdbPublic(String name, int segment, long offset, long flags, long rva) {
    public static final int S_PUB32 = 0x110e;
    public static final long FLAG_FUNCTION = 2;

    public boolean isFunction() {
        return (flags & FLAG_FUNCTION) != 0;
    }
}
