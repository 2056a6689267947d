package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PdbFormatException;
import dev.poolhit.target.pe.SectionHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDB opened for public symbols: MSF container, info stream (GUID/age), DBI header, section
 * headers from the optional debug header, S_PUB32 records from the symbol record stream, and the
 * x86 FRAMEDATA records.
 * Format violations are {@link PdbFormatException}s naming the rule and the file.
 */
public final class PdbFile {
    static final int DBG_HEADER_SECTION_HEADERS = 5;
    private static final int NO_STREAM = 0xffff;

    private final MsfFile msf;
    private final PdbInfo info;
    private final DbiHeader dbi;
    private final List<SectionHeader> sections;

    private PdbFile(MsfFile msf, PdbInfo info, DbiHeader dbi, List<SectionHeader> sections) {
        this.msf = msf;
        this.info = info;
        this.dbi = dbi;
        this.sections = sections;
    }

    public static PdbFile parse(byte[] contents, String label) {
        MsfFile msf = MsfFile.parse(contents, label);
        byte[] infoStream = msf.stream(PdbInfo.STREAM, "PDB info stream");
        require(msf, infoStream.length >= PdbInfo.BYTES, "PDB info stream: %d bytes, expected at least %d",
                infoStream.length, PdbInfo.BYTES);
        byte[] dbiStream = msf.stream(DbiHeader.STREAM, "DBI stream");
        require(msf, dbiStream.length >= DbiHeader.BYTES, "DBI stream: %d bytes, expected at least %d",
                dbiStream.length, DbiHeader.BYTES);
        DbiHeader dbi = DbiHeader.decode(dbiStream);
        require(msf, dbi.versionSignature() == -1, "DBI stream: VersionSignature %d, expected -1", dbi.versionSignature());
        return new PdbFile(msf, PdbInfo.decode(infoStream), dbi, sectionHeaders(msf, dbi, dbiStream));
    }

    public static PdbFile open(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PDB " + file, e);
        }
    }

    public PdbInfo info() {
        return info;
    }

    public DbiHeader dbi() {
        return dbi;
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    public int blockSize() {
        return msf.blockSize();
    }

    /**
     * The x86 FRAMEDATA records of the DBI "New FPO" stream with their programs from {@code /names}
     * (empty when the PDB has none, as x64 PDBs do). Read on each call.
     */
    public FrameDataTable frameData() {
        return FrameDataReader.read(msf, dbi, msf.stream(DbiHeader.STREAM, "DBI stream"),
                msf.stream(PdbInfo.STREAM, "PDB info stream"));
    }

    /** The old FPO_DATA records of DBI debug stream 0 (empty when absent). */
    public List<FpoData> fpoData() {
        return FrameDataReader.readFpo(msf, dbi, msf.stream(DbiHeader.STREAM, "DBI stream"));
    }

    /**
     * Everything the x86 unwinder can use: {@link #frameData()}, plus FPO_DATA records (as
     * equivalent programs, {@link FpoData#asFrameData()}) where no FRAMEDATA covers the code.
     */
    public FrameDataTable unwindData() {
        return FrameDataReader.merge(frameData(), fpoData());
    }

    /** Every S_PUB32 in the symbol record stream, in stream order. */
    public List<PdbPublic> publics() {
        int index = dbi.symRecordStreamIndex();
        if (index == NO_STREAM) {
            return List.of();
        }
        byte[] records = msf.stream(index, "symbol record stream");
        List<PdbPublic> out = new ArrayList<>();
        int at = 0;
        while (at + 4 <= records.length) {
            int length = LittleEndian.u16(records, at);
            int kind = LittleEndian.u16(records, at + 2);
            require(msf, length >= 2 && at + 2 + length <= records.length,
                    "symbol record stream: record at 0x%x length %d runs past the stream end 0x%x", at, length, records.length);
            if (kind == PdbPublic.S_PUB32) {
                out.add(pub32(records, at + 4, at + 2 + length));
            }
            at += 2 + length;
        }
        return out;
    }

    private PdbPublic pub32(byte[] b, int start, int end) {
        require(msf, end - start >= 11, "S_PUB32 at 0x%x: %d payload bytes, expected at least 11", start - 4, end - start);
        long flags = LittleEndian.u32(b, start);
        long offset = LittleEndian.u32(b, start + 4);
        int segment = LittleEndian.u16(b, start + 8);
        int nameEnd = start + 10;
        while (nameEnd < end && b[nameEnd] != 0) {
            nameEnd++;
        }
        String name = new String(b, start + 10, nameEnd - start - 10, StandardCharsets.UTF_8);
        long rva = segment >= 1 && segment <= sections.size() ? sections.get(segment - 1).virtualAddress() + offset : -1;
        return new PdbPublic(name, segment, offset, flags, rva);
    }

    private static List<SectionHeader> sectionHeaders(MsfFile msf, DbiHeader dbi, byte[] dbiStream) {
        long at = dbi.optionalDbgHeaderOffset();
        long size = dbi.optionalDbgHeaderSize();
        require(msf, at + size <= dbiStream.length, "DBI stream: optional debug header 0x%x+0x%x past stream size 0x%x",
                at, size, dbiStream.length);
        if (size < 2 * (DBG_HEADER_SECTION_HEADERS + 1)) {
            return List.of();
        }
        int stream = LittleEndian.u16(dbiStream, (int) at + 2 * DBG_HEADER_SECTION_HEADERS);
        if (stream == NO_STREAM) {
            return List.of();
        }
        byte[] headers = msf.stream(stream, "section header stream");
        List<SectionHeader> out = new ArrayList<>();
        for (int i = 0; i + SectionHeader.BYTES <= headers.length; i += SectionHeader.BYTES) {
            out.add(SectionHeader.decode(headers, i));
        }
        return List.copyOf(out);
    }

    private static void require(MsfFile msf, boolean ok, String format, Object... args) {
        if (!ok) {
            throw MsfFile.fail(msf.label(), format, args);
        }
    }
}
