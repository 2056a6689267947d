package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PdbFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A hand-built x86 PDB with one FRAMEDATA record, its /names table and the info stream's named
 * stream map; every broken rule gives a PdbFormatException naming it.
 */
class FrameDataHostileTest {
    static final String PROGRAM = "$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + = ";
    static final int NAMES_STREAM = 5;

    static List<byte[]> streams(String namedStream, int namesIndex) {
        List<byte[]> s = new ArrayList<>();
        s.add(new byte[0]);
        s.add(TestPdb.concat(new PdbInfo(20000404, 1, 1, TestPdb.GUID).encode(), namedStreamMap(namedStream, namesIndex)));
        s.add(new byte[0]);
        byte[] header = new DbiHeader(-1, 1, 0xffff, 0xffff, 0, 0, 0, 0, 0, 22, 0, 0x14c).encode();
        byte[] dbg = new byte[22];
        for (int i = 0; i < 11; i++) {
            LittleEndian.put16(dbg, 2 * i, i == FrameDataReader.DBG_HEADER_NEW_FPO ? 4 : 0xffff);
        }
        s.add(TestPdb.concat(header, dbg));
        s.add(new FrameData(0x1000, 0x20, 0, 8, 0, 1, 3, 0, FrameData.FLAG_FUNCTION_START).encode());
        s.add(names("\0" + PROGRAM + "\0"));
        return s;
    }

    static byte[] namedStreamMap(String name, int stream) {
        byte[] strings = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + strings.length + 4 * 8];
        LittleEndian.put32(out, 0, strings.length);
        System.arraycopy(strings, 0, out, 4, strings.length);
        int at = 4 + strings.length;
        long[] table = {1, 1, 1, 1, 0, 0, stream, 0}; // Size, Capacity, Present {1 word: 1}, Deleted {0 words}, (0, stream), niMac
        for (long v : table) {
            LittleEndian.put32(out, at, v);
            at += 4;
        }
        return out;
    }

    static byte[] names(String strings) {
        byte[] s = strings.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[12 + s.length + 8];
        LittleEndian.put32(out, 0, NamesTable.SIGNATURE);
        LittleEndian.put32(out, 4, 1);
        LittleEndian.put32(out, 8, s.length);
        System.arraycopy(s, 0, out, 12, s.length);
        return out;
    }

    private static FrameDataTable read(List<byte[]> streams) {
        return PdbFile.parse(TestPdb.msf(1024, streams), "t.pdb").frameData();
    }

    private static void assertFails(String message, Consumer<List<byte[]>> mutation) {
        List<byte[]> s = streams("/names", NAMES_STREAM);
        mutation.accept(s);
        assertEquals(message, assertThrows(PdbFormatException.class, () -> read(s)).getMessage());
    }

    @Test
    void wellFormedReadsTheRecordAndItsProgram() {
        FrameDataTable t = read(streams("/names", NAMES_STREAM));
        assertEquals(1, t.size());
        assertEquals(PROGRAM, t.lookup(0x101f).orElseThrow().program());
    }

    @Test
    void hostileFrameData() {
        assertFails("New FPO stream: 0x21 bytes, not a multiple of the 32-byte FRAMEDATA record (t.pdb)",
                s -> s.set(4, new byte[33]));
        assertFails("FRAMEDATA record 0 (RVA 0x1000): /names offset 0x999 outside the 0x2e string bytes (t.pdb)",
                s -> LittleEndian.put32(s.get(4), 0x14, 0x999));
        assertFails("FRAMEDATA record 0 (RVA 0x1000): /names string at 0x1 has no NUL before the end 0x2d (t.pdb)",
                s -> LittleEndian.put32(s.get(5), 8, 0x2d));
    }

    @Test
    void hostileNames() {
        assertFails("/names: signature 0x12345678, expected 0xeffeeffe (t.pdb)", s -> LittleEndian.put32(s.get(5), 0, 0x12345678));
        assertFails("/names: ByteSize 0xffffffff runs past the stream end 0x42 (t.pdb)",
                s -> LittleEndian.put32(s.get(5), 8, 0xffffffffL));
        assertFails("/names: 4 bytes, expected at least 12 (t.pdb)", s -> s.set(5, new byte[4]));
    }

    @Test
    void hostileNamedStreamMap() {
        assertFails("New FPO stream: 1 records but no /names stream for their programs (t.pdb)",
                s -> s.set(1, streams("/LinkInfo", NAMES_STREAM).get(1)));
        assertFails("/names stream: stream index 99, file has 6 streams (t.pdb)", s -> s.set(1, streams("/names", 99).get(1)));
        assertFails("PDB info stream: entry stream index (0x4 bytes at 0x47) runs past the stream end 0x47 (t.pdb)",
                s -> LittleEndian.put32(s.get(1), 28 + 4 + 7, 1000));
        assertFails("PDB info stream: StringsBytes (0x4 bytes at 0x1c) runs past the stream end 0x1c (t.pdb)",
                s -> s.set(1, new PdbInfo(20000404, 1, 1, TestPdb.GUID).encode()));
        assertFails("PDB info stream: named stream offset 0x9 outside the 0x7 string bytes (t.pdb)",
                s -> LittleEndian.put32(s.get(1), 28 + 4 + 7 + 20, 9));
    }
}
