package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.Guid;

/** The PDB info stream (stream 1) header: Version, Signature, Age, GUID (28 bytes). */
public record PdbInfo(long version, long signature, long age, Guid guid) {
    public static final int BYTES = 28;
    public static final int STREAM = 1;

    public static PdbInfo decode(byte[] b) {
        return new PdbInfo(LittleEndian.u32(b, 0), LittleEndian.u32(b, 4), LittleEndian.u32(b, 8), Guid.decode(b, 12));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, version);
        LittleEndian.put32(b, 4, signature);
        LittleEndian.put32(b, 8, age);
        System.arraycopy(guid.encode(), 0, b, 12, Guid.BYTES);
        return b;
    }
}
