package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import org.junit.jupiter.api.Test;

/** KTRAP_FRAME offsets from kd-protocol.md 12.7 (ReactOS ketypes.h) and the sim's trap.s comment. */
class KTrapFrame32Test {
    @Test
    void sizeAndOneOffsetPerField() {
        byte[] b = new KTrapFrame32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).encode();
        assertEquals(0x7c, b.length);
        long[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] offsets = {0x00, 0x04, 0x54, 0x58, 0x5c, 0x60, 0x64, 0x68, 0x6c, 0x70, 0x74, 0x78};
        for (int i = 0; i < offsets.length; i++) {
            assertEquals(expected[i], LittleEndian.u32(b, offsets[i]), "offset 0x" + Integer.toHexString(offsets[i]));
        }
        assertEquals(new KTrapFrame32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), KTrapFrame32.decode(b));
    }

    @Test
    void decodesASysenterFrame() {
        byte[] b = new byte[KTrapFrame32.BYTES];
        byte[] tail = Hex.decode("""
                c4fe1200   # Ebp         0x0012fec4 (user EBP)
                00000000   # ErrCode
                1410907c   # Eip         0x7c901014 ntdll!KiFastSystemCallRet
                1b000000   # SegCs       0x1b user code
                02020000   # EFlags      0x202
                74fe1200   # HardwareEsp 0x0012fe74
                23000000   # HardwareSegSs 0x23
                """);
        System.arraycopy(tail, 0, b, 0x60, tail.length);
        KTrapFrame32 tf = KTrapFrame32.decode(b);
        assertEquals(0x7c901014L, tf.eip());
        assertEquals(0x0012fe74L, tf.hardwareEsp());
        assertTrue(tf.fromUserMode());
        assertTrue(tf.plausible());
        assertFalse(new KTrapFrame32(0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x202, 0, 0).fromUserMode());
        assertFalse(new KTrapFrame32(0, 0, 0, 0, 0, 0, 0, 0, 0x0a, 0x202, 0, 0).plausible()); // RPL 2
        assertFalse(new KTrapFrame32(0, 0, 0, 0, 0, 0, 0, 0, 0, 0x202, 0, 0).plausible());
    }
}
