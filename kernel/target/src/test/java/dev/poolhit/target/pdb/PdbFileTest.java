package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.Guid;
import dev.poolhit.target.PdbFormatException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PdbFileTest {
    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096})
    void anyBlockSize(int blockSize) {
        PdbFile pdb = PdbFile.parse(TestPdb.msf(blockSize, TestPdb.streams()), "t.pdb");
        assertEquals(blockSize, pdb.blockSize());
        assertEquals(TestPdb.GUID, pdb.info().guid());
        assertEquals(3, pdb.info().age());
        assertEquals(List.of(new PdbPublic("DriverEntry", 1, 0x10, 2, 0x1010), new PdbPublic("PoolHitTag", 2, 0xfc, 0, 0x30fc)),
                pdb.publics());
    }

    @Test
    void multiBlockDirectoryAndStreams() {
        List<byte[]> streams = TestPdb.streams();
        for (int i = 0; i < 200; i++) {
            streams.add(new byte[700]); // 200 more streams: the directory spans two 512-byte blocks
        }
        PdbFile pdb = PdbFile.parse(TestPdb.msf(512, streams), "t.pdb");
        assertEquals(2, pdb.publics().size());
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                bad("superblock: magic is not \"Microsoft C/C++ MSF 7.00\\r\\n\\x1aDS\" (t.pdb)", f -> f[0] = 'm'),
                bad("superblock: BlockSize 1000, expected 512, 1024, 2048 or 4096 (t.pdb)", f -> LittleEndian.put32(f, 32, 1000)),
                bad("superblock: NumBlocks 4294967295 x BlockSize 1024 exceeds file size 0x2400 (t.pdb)",
                        f -> LittleEndian.put32(f, 40, 0xffffffffL)),
                bad("superblock: NumDirectoryBytes 0xffffffff needs 4194304 directory blocks, more than one block map block holds (t.pdb)",
                        f -> LittleEndian.put32(f, 44, 0xffffffffL)),
                bad("BlockMapAddr: block 0 outside 1..8 (t.pdb)", f -> LittleEndian.put32(f, 52, 0)),
                bad("stream directory block: block 4096 outside 1..8 (t.pdb)", f -> LittleEndian.put32(f, 3 * 1024, 4096)),
                bad("stream directory: NumStreams 1000 does not fit in 0x2c directory bytes (t.pdb)",
                        f -> LittleEndian.put32(f, 4 * 1024, 1000)),
                bad("stream directory: stream 1 size 0xffff0000 needs 4194240 blocks, beyond the directory or file (t.pdb)",
                        f -> LittleEndian.put32(f, 4 * 1024 + 8, 0xffff0000L)),
                bad("stream 1 block: block 99 outside 1..8 (t.pdb)", f -> LittleEndian.put32(f, 4 * 1024 + 28, 99)));
    }

    private static Arguments bad(String message, Consumer<byte[]> mutation) {
        return Arguments.of(message, mutation);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileContainerGivesTheRuleThatBroke(String message, Consumer<byte[]> mutation) {
        byte[] file = TestPdb.msf(1024, TestPdb.streams());
        mutation.accept(file);
        assertEquals(message, assertThrows(PdbFormatException.class, () -> PdbFile.parse(file, "t.pdb")).getMessage());
    }

    @Test
    void hostileStreams() {
        assertStreams("PDB info stream: 10 bytes, expected at least 28 (t.pdb)", () -> {
            List<byte[]> s = TestPdb.streams();
            s.set(1, new byte[10]);
            return s;
        });
        assertStreams("DBI stream: stream index 3, file has 3 streams (t.pdb)", () -> TestPdb.streams().subList(0, 3));
        assertStreams("DBI stream: VersionSignature 0, expected -1 (t.pdb)", () -> {
            List<byte[]> s = TestPdb.streams();
            LittleEndian.put32(s.get(3), 0, 0);
            return s;
        });
        assertStreams("symbol record stream: stream index 9, file has 6 streams (t.pdb)", () -> {
            List<byte[]> s = TestPdb.streams();
            s.set(3, TestPdb.dbi(9));
            return s;
        });
        assertStreams("symbol record stream: record at 0x1c length 16384 runs past the stream end 0x48 (t.pdb)", () -> {
            List<byte[]> s = TestPdb.streams();
            LittleEndian.put16(s.get(5), 0x1c, 0x4000);
            return s;
        });
    }

    private static void assertStreams(String message, Supplier<List<byte[]>> streams) {
        byte[] file = TestPdb.msf(1024, streams.get());
        PdbFormatException e = assertThrows(PdbFormatException.class, () -> PdbFile.parse(file, "t.pdb").publics());
        assertEquals(message, e.getMessage());
    }

    @Test
    void structSizesAndOneFieldOffsetEach() {
        byte[] info = new PdbInfo(20000404, 1, 3, TestPdb.GUID).encode();
        assertEquals(PdbInfo.BYTES, info.length);
        assertEquals("a803e172b25c07498b76b2e7c06257b1", Hex.bytes(info, 12, 16));
        byte[] dbi = new DbiHeader(-1, 3, 7, 9, 0, 0, 0, 0, 0, 0, 0, 0x8664).encode();
        assertEquals(DbiHeader.BYTES, dbi.length);
        assertEquals(9, LittleEndian.u16(dbi, 20));
        assertEquals(TestPdb.GUID, Guid.decode(TestPdb.GUID.encode(), 0));
        assertEquals("72E103A85CB249078B76B2E7C06257B1", TestPdb.GUID.symbolServerText());
    }
}
