package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import org.junit.jupiter.api.Test;

/**
 * The FRAMEDATA codec against the real ntkrnlpa.pdb: the bytes are record 7 of its "New FPO"
 * stream (llvm-pdbutil bytes --stream-data=11, offset 0xe0), the values what
 * {@code llvm-pdbutil dump --fpo} prints for RVA 00001053 (ExpAllocateSmallPool after its three pushes).
 */
class FrameDataTest {
    static final byte[] RECORD_1053 = Hex.decode("""
            53100000   # RvaStart      0x1053
            6b000000   # CodeSize      107
            00000000   # LocalSize     0
            0c000000   # ParamsSize    12
            00000000   # MaxStackSize  0
            37010000   # FrameFunc     311 (/names offset of the program)
            0000       # PrologSize    0
            0c00       # SavedRegsSize 12
            00000000   # Flags         none (not the function start)
            """);

    @Test
    void decodesWhatLlvmPdbutilPrints() {
        FrameData d = FrameData.decode(RECORD_1053, 0);
        assertEquals(new FrameData(0x1053, 107, 0, 12, 0, 311, 0, 12, 0), d);
        assertFalse(d.isFunctionStart());
        assertArrayEquals(RECORD_1053, d.encode());
    }

    @Test
    void sizeAndOneOffsetPerField() {
        byte[] b = new FrameData(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99).encode();
        assertEquals(FrameData.BYTES, b.length);
        assertEquals(32, FrameData.BYTES);
        assertEquals(0x11, LittleEndian.u32(b, 0x00));
        assertEquals(0x22, LittleEndian.u32(b, 0x04));
        assertEquals(0x33, LittleEndian.u32(b, 0x08));
        assertEquals(0x44, LittleEndian.u32(b, 0x0c));
        assertEquals(0x55, LittleEndian.u32(b, 0x10));
        assertEquals(0x66, LittleEndian.u32(b, 0x14));
        assertEquals(0x77, LittleEndian.u16(b, 0x18));
        assertEquals(0x88, LittleEndian.u16(b, 0x1a));
        assertEquals(0x99, LittleEndian.u32(b, 0x1c));
    }

    @Test
    void extentIsHalfOpen() {
        FrameData d = FrameData.decode(RECORD_1053, 0);
        assertTrue(d.contains(0x1053));
        assertTrue(d.contains(0x1053 + 106));
        assertFalse(d.contains(0x1053 + 107));
        assertFalse(d.contains(0x1052));
    }
}
