package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;

/**
 * The fields of the 64-byte DBI stream header (stream 3) this reader uses: stream indexes of the
 * publics and symbol records, and the substream sizes that locate the optional debug header.
 */
public record DbiHeader(int versionSignature, long age, int publicStreamIndex, int symRecordStreamIndex,
        long modInfoSize, long sectionContributionSize, long sectionMapSize, long sourceInfoSize,
        long typeServerMapSize, long optionalDbgHeaderSize, long ecSubstreamSize, int machine) {
    public static final int BYTES = 64;
    public static final int STREAM = 3;

    public static DbiHeader decode(byte[] b) {
        return new DbiHeader(LittleEndian.i32(b, 0), LittleEndian.u32(b, 8), LittleEndian.u16(b, 16),
                LittleEndian.u16(b, 20), LittleEndian.u32(b, 24), LittleEndian.u32(b, 28), LittleEndian.u32(b, 32),
                LittleEndian.u32(b, 36), LittleEndian.u32(b, 40), LittleEndian.u32(b, 48), LittleEndian.u32(b, 52),
                LittleEndian.u16(b, 58));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        LittleEndian.put32(b, 0, versionSignature);
        LittleEndian.put32(b, 8, age);
        LittleEndian.put16(b, 16, publicStreamIndex);
        LittleEndian.put16(b, 20, symRecordStreamIndex);
        LittleEndian.put32(b, 24, modInfoSize);
        LittleEndian.put32(b, 28, sectionContributionSize);
        LittleEndian.put32(b, 32, sectionMapSize);
        LittleEndian.put32(b, 36, sourceInfoSize);
        LittleEndian.put32(b, 40, typeServerMapSize);
        LittleEndian.put32(b, 48, optionalDbgHeaderSize);
        LittleEndian.put32(b, 52, ecSubstreamSize);
        LittleEndian.put16(b, 58, machine);
        return b;
    }

    /** Offset of the optional debug header: after ModInfo, SecContr, SectionMap, FileInfo, TypeServerMap and EC. */
    public long optionalDbgHeaderOffset() {
        return BYTES + modInfoSize + sectionContributionSize + sectionMapSize + sourceInfoSize
                + typeServerMapSize + ecSubstreamSize;
    }
}
