package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PdbFormatException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Old FPO_DATA: the layout of kd-protocol.md 12.7, its FRAMEDATA equivalent, and the PDB's stream 0. */
class FpoDataTest {
    /** ExpAllocateSmallPool as an MSVC FPO record would describe it: no locals, 3 params, 3 saved registers. */
    static final byte[] SMALL_POOL = Hex.decode("""
            50100000   # ulOffStart  0x1050
            6e000000   # cbProcSize  110
            00000000   # cdwLocals   0
            0300       # cdwParams   3 dwords
            0303       # cbProlog 3 (bits 0-7), cbRegs 3 (8-10), fHasSEH 0, fUseBP 0, cbFrame 0 FPO (14-15)
            """);

    @Test
    void decodesTheBitFields() {
        FpoData f = FpoData.decode(SMALL_POOL, 0);
        assertEquals(new FpoData(0x1050, 110, 0, 3, 0x0303), f);
        assertEquals(3, f.prologBytes());
        assertEquals(3, f.savedRegs());
        assertEquals(FpoData.FRAME_FPO, f.frameType());
        assertArrayEquals(SMALL_POOL, f.encode());
        FpoData all = new FpoData(0, 1, 2, 3, 0xffff);
        assertEquals(FpoData.FRAME_NONFPO, all.frameType());
        assertEquals(7, all.savedRegs());
        assertTrue(all.hasSeh() && all.usesBasePointer());
    }

    @Test
    void sizeAndOneOffsetPerField() {
        byte[] b = new FpoData(0x11, 0x22, 0x33, 0x44, 0x55).encode();
        assertEquals(16, b.length);
        assertEquals(0x11, LittleEndian.u32(b, 0));
        assertEquals(0x22, LittleEndian.u32(b, 4));
        assertEquals(0x33, LittleEndian.u32(b, 8));
        assertEquals(0x44, LittleEndian.u16(b, 12));
        assertEquals(0x55, LittleEndian.u16(b, 14));
    }

    @Test
    void equivalentPrograms() {
        FrameDataEntry fpo = FpoData.decode(SMALL_POOL, 0).asFrameData().orElseThrow();
        assertEquals(new FrameData(0x1050, 110, 0, 12, 0, 0, 3, 12, FrameData.FLAG_FUNCTION_START), fpo.data());
        assertEquals("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + =", fpo.program());
        assertEquals("$T0 .raSearch = $eip $T0 ^ = $esp $T0 4 + = $ebp .raSearchStart .cbLocals - 8 - ^ =",
                new FpoData(0, 1, 2, 0, 0x1200).asFrameData().orElseThrow().program());
        assertEquals("$T0 $ebp 4 + = $eip $T0 ^ = $esp $T0 4 + = $ebp $T0 4 - ^ =",
                new FpoData(0, 1, 0, 0, 0xc000).asFrameData().orElseThrow().program());
        assertEquals(Optional.empty(), new FpoData(0, 1, 0, 0, 0x4000).asFrameData()); // FRAME_TRAP
        assertEquals(Optional.empty(), new FpoData(0, 1, 0, 0, 0x8000).asFrameData()); // FRAME_TSS
    }

    static List<byte[]> withFpo(byte[] fpo) {
        List<byte[]> s = FrameDataHostileTest.streams("/names", FrameDataHostileTest.NAMES_STREAM);
        LittleEndian.put16(s.get(3), DbiHeader.BYTES + 2 * FrameDataReader.DBG_HEADER_FPO, 6);
        s.add(fpo);
        return s;
    }

    @Test
    void unwindDataAddsFpoWhereNoFrameDataIs() {
        byte[] fpo = TestPdb.concat(new FpoData(0x1000, 0x20, 0, 2, 0).encode(), SMALL_POOL);
        PdbFile pdb = PdbFile.parse(TestPdb.msf(1024, withFpo(fpo)), "t.pdb");
        assertEquals(2, pdb.fpoData().size());
        FrameDataTable t = pdb.unwindData();
        assertEquals(2, t.size()); // the FRAMEDATA record at 0x1000 wins over the FPO one
        assertEquals(FrameDataHostileTest.PROGRAM, t.lookup(0x1010).orElseThrow().program());
        assertEquals(12, t.lookup(0x10ad).orElseThrow().data().savedRegsSize());
    }

    @Test
    void hostileFpoStream() {
        PdbFile pdb = PdbFile.parse(TestPdb.msf(1024, withFpo(new byte[20])), "t.pdb");
        assertEquals("FPO stream: 0x14 bytes, not a multiple of the 16-byte FPO_DATA record (t.pdb)",
                assertThrows(PdbFormatException.class, pdb::unwindData).getMessage());
    }

    @Test
    void lldWritesNoOldFpo() {
        assertEquals(List.of(), PdbFrameDataTest.NT.fpoData());
        assertEquals(PdbFrameDataTest.NT.frameData().entries(), PdbFrameDataTest.NT.unwindData().entries());
    }
}
