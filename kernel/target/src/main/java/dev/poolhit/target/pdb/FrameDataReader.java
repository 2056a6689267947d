package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the DBI optional debug header's "New FPO" stream (index 9) as FRAMEDATA records and
 * resolves each program through {@code /names}. No stream means no records (x64 PDBs).
 */
final class FrameDataReader {
    static final int DBG_HEADER_FPO = 0;
    static final int DBG_HEADER_NEW_FPO = 9;
    static final String NAMES_STREAM = "/names";
    private static final int NO_STREAM = 0xffff;

    private FrameDataReader() {}

    static FrameDataTable read(MsfFile msf, DbiHeader dbi, byte[] dbiStream, byte[] infoStream) {
        Optional<Integer> stream = debugStream(dbi, dbiStream, DBG_HEADER_NEW_FPO);
        if (stream.isEmpty()) {
            return FrameDataTable.empty();
        }
        byte[] records = msf.stream(stream.get(), "New FPO stream");
        if (records.length % FrameData.BYTES != 0) {
            throw MsfFile.fail(msf.label(), "New FPO stream: 0x%x bytes, not a multiple of the %d-byte FRAMEDATA record",
                    records.length, FrameData.BYTES);
        }
        if (records.length == 0) {
            return FrameDataTable.empty();
        }
        int names = NamedStreams.parse(infoStream, msf.label()).stream(NAMES_STREAM).orElseThrow(() ->
                MsfFile.fail(msf.label(), "New FPO stream: %d records but no /names stream for their programs",
                        records.length / FrameData.BYTES));
        NamesTable table = NamesTable.parse(msf.stream(names, "/names stream"), msf.label());
        List<FrameDataEntry> out = new ArrayList<>();
        for (int at = 0; at < records.length; at += FrameData.BYTES) {
            FrameData d = FrameData.decode(records, at);
            String what = String.format("FRAMEDATA record %d (RVA 0x%x)", at / FrameData.BYTES, d.rvaStart());
            out.add(new FrameDataEntry(d, table.at(d.frameFunc(), what)));
        }
        return new FrameDataTable(out);
    }

    /** The old FPO_DATA records of DBI debug stream 0 (none when absent, as lld writes). */
    static List<FpoData> readFpo(MsfFile msf, DbiHeader dbi, byte[] dbiStream) {
        Optional<Integer> stream = debugStream(dbi, dbiStream, DBG_HEADER_FPO);
        if (stream.isEmpty()) {
            return List.of();
        }
        byte[] records = msf.stream(stream.get(), "FPO stream");
        if (records.length % FpoData.BYTES != 0) {
            throw MsfFile.fail(msf.label(), "FPO stream: 0x%x bytes, not a multiple of the %d-byte FPO_DATA record",
                    records.length, FpoData.BYTES);
        }
        List<FpoData> out = new ArrayList<>();
        for (int at = 0; at < records.length; at += FpoData.BYTES) {
            out.add(FpoData.decode(records, at));
        }
        return List.copyOf(out);
    }

    /** FRAMEDATA first (Wine dbghelp's order), then FPO_DATA for code no FRAMEDATA record covers. */
    static FrameDataTable merge(FrameDataTable frameData, List<FpoData> fpo) {
        List<FrameDataEntry> all = new ArrayList<>(frameData.entries());
        for (FpoData f : fpo) {
            if (frameData.lookup(f.offStart()).isEmpty()) {
                f.asFrameData().ifPresent(all::add);
            }
        }
        return new FrameDataTable(all);
    }

    /** Stream index {@code slot} of the optional debug header, if present and not 0xffff. */
    static Optional<Integer> debugStream(DbiHeader dbi, byte[] dbiStream, int slot) {
        long at = dbi.optionalDbgHeaderOffset() + 2L * slot;
        if (dbi.optionalDbgHeaderSize() < 2L * (slot + 1) || at + 2 > dbiStream.length) {
            return Optional.empty();
        }
        int stream = LittleEndian.u16(dbiStream, (int) at);
        return stream == NO_STREAM ? Optional.empty() : Optional.of(stream);
    }
}
