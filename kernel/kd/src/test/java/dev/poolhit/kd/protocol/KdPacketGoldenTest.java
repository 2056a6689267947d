package dev.poolhit.kd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes from kd-protocol.md 1.3 (a DbgPrint carried in the LEK capture) and 1.4. The text
 * in the capture reads "BD: ..." (boot debugger); the doc's "KD:" is a typo, its checksum 0xbdf
 * matches "BD:".
 */
class KdPacketGoldenTest {
    static final byte[] DEBUG_PRINT = Hex.decode("""
            30 30 30 30        # leader: data "0000"
            03 00              # type 3 DEBUG_IO
            2e 00              # byte count 46
            00 00 00 00        # packet id 0
            df 0b 00 00        # checksum 0x00000bdf
            30 32 00 00        # DBGKD_DEBUG_IO.ApiNumber 0x3230 PrintString
            00 00              # ProcessorLevel 0
            00 00              # Processor 0
            1e 00 00 00        # LengthOfString 30
            ff 07 00 00        # unused (junk 0x7ff)
            42 44 3a 20 42 6f 6f 74 20 44 65 62 75 67 67 65   # "BD: Boot Debugge"
            72 20 49 6e 69 74 69 61 6c 69 7a 65 64 0a         # "r Initialized\\n"
            """);

    @Test
    void decodesTheDbgPrintVectorAndReEncodesIt() throws Exception {
        KdPacket p = KdPacket.decode(DEBUG_PRINT);
        assertEquals(Leader.DATA, p.leader());
        assertEquals(PacketType.DEBUG_IO.value(), p.type());
        assertEquals(0, p.id());
        assertEquals(0xbdf, p.checksum());
        DebugIo io = DebugIo.decode(p.payload());
        assertEquals(DebugIoApi.PRINT_STRING.number(), io.apiNumber());
        assertEquals(30, io.length());
        assertEquals(0x7ff, io.secondLength());
        assertEquals("BD: Boot Debugger Initialized\n", io.text());
        assertArrayEquals(DEBUG_PRINT, KdPacket.data(PacketType.DEBUG_IO, 0, io.encode()).encode());
    }

    @Test
    void encodesAnAckWithTheSyncBitCleared() {
        byte[] expected = Hex.decode("""
                69 69 69 69   # leader: control "iiii"
                04 00         # type 4 ACKNOWLEDGE
                00 00         # byte count 0
                00 00 80 80   # id 0x80800000 (0x80800800 with bit 0x800 cleared)
                00 00 00 00   # checksum 0
                """);
        assertArrayEquals(expected, KdPacket.ack(0x80800800).encode());
    }

    @Test
    void headerIsSixteenBytesWithIdAtOffsetEight() {
        byte[] b = KdPacket.data(PacketType.STATE_MANIPULATE, 0x11223344, new byte[] {1, 2}).encode();
        assertEquals(KdPacket.HEADER_BYTES + 2, b.length);
        assertEquals(0x11223344, dev.poolhit.common.LittleEndian.i32(b, 8));
    }

    @Test
    void rejectsABadChecksumWithTheExactMessage() {
        byte[] bad = DEBUG_PRINT.clone();
        bad[12] = (byte) 0xde;
        KdProtocolException e = assertThrows(KdProtocolException.class, () -> KdPacket.decode(bad));
        assertEquals("checksum mismatch: header 0x00000bde, computed 0x00000bdf (packet id 0x00000000)", e.getMessage());
    }

    @Test
    void rejectsMalformedPacketsWithExactMessages() {
        String[][] table = {
            {"30303030 0300", "KD packet too short: expected at least 16 bytes, got 6"},
            {"31313131 0300 0000 00000000 00000000", "bad packet leader: expected 0x30303030 or 0x69696969, got 0x31313131"},
            {"30303030 0300 0500 01000000 00000000 00", "byte count mismatch: header 5, actual 1 (packet id 0x00000001)"},
            {"69696969 0400 0100 02000000 00000000 00",
                "control packet with payload: byte count 1, 1 bytes after header (packet id 0x00000002)"},
        };
        for (String[] row : table) {
            KdProtocolException e = assertThrows(KdProtocolException.class, () -> KdPacket.decode(Hex.decode(row[0])));
            assertEquals(row[1], e.getMessage(), row[0]);
        }
    }

    @Test
    void checksumIsAPlainByteSum() {
        byte[] text = "BD: Boot Debugger Initialized\n".getBytes(StandardCharsets.US_ASCII);
        byte[] header = Hex.decode("30320000 0000 0000 1e000000 ff070000");
        assertEquals(0xbdf, KdPacket.checksum(header, 0, 16) + KdPacket.checksum(text, 0, text.length));
        assertEquals(255 * 4, KdPacket.checksum(new byte[] {-1, -1, -1, -1}, 0, 4));
    }
}
