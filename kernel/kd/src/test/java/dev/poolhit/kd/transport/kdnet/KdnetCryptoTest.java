package dev.poolhit.kd.transport.kdnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.PacketType;
import org.junit.jupiter.api.Test;

/** Test vectors of kd-protocol.md 8.3 and 8.8 (LEK capture, key "8.8.8.8"). */
class KdnetCryptoTest {
    static final KdnetKey KEY = KdnetKey.parse("8.8.8.8");
    static final byte[] CLIENT_RANDOM = Hex.decode("c19792dfac7aa1dfe007010018000b00240005000000070088f7570043a12600");
    static final byte[] HOST_RANDOM = Hex.decode("41b4fa1b2ddd14ee3eeb8db987c0c7257ce62eef126ab74ef212136c100c540b");
    static final byte[] DATA_KEY = Hex.decode("6bd91c57bd6a551ad30b509c05c0c95b32cc5e47a0866907eaf0b1583384f660");
    /** Frame 8 of the capture: host ACK for target packet id 2. */
    static final byte[] FRAME8 = Hex.decode("""
            4d444247 04 00   # "MDBG", version 4, data channel
            d23945f428edccaf82c7d319b363212e 6c67f1a0ff1d213264c3b685bdb90e8d   # ciphertext (2 blocks)
            055b93718a953fe4435fa6c358f8f809                                   # tag = IV
            """);

    @Test
    void keyStringIsFourLittleEndianBase36Numbers() {
        assertArrayEquals(Hex.decode("0800000000000000 0800000000000000 0800000000000000 0800000000000000"),
                KEY.controlKey());
        assertArrayEquals(Hex.decode("f7ffffffffffffff f7ffffffffffffff f7ffffffffffffff f7ffffffffffffff"),
                KEY.hmacKey());
        byte[] k = KdnetKey.parse("17890.0.0.0").controlKey();
        assertArrayEquals(Hex.decode("84c61e0000000000"), java.util.Arrays.copyOf(k, 8));
    }

    @Test
    void rejectsBadKeyStringsWithExactMessages() {
        assertEquals("KDNET key needs 4 dot-separated parts, got 3: '1.2.3'",
                assertThrows(IllegalArgumentException.class, () -> KdnetKey.parse("1.2.3")).getMessage());
        assertEquals("KDNET key digit must be 0-9 or a-z, got 'A' in 'A.2.3.4'",
                assertThrows(IllegalArgumentException.class, () -> KdnetKey.parse("A.2.3.4")).getMessage());
        assertEquals("KDNET key part does not fit 64 bits: 'zzzzzzzzzzzzz' in 'zzzzzzzzzzzzz.1.1.1'",
                assertThrows(IllegalArgumentException.class, () -> KdnetKey.parse("zzzzzzzzzzzzz.1.1.1")).getMessage());
    }

    @Test
    void dataKeyIsSha256OfControlKeyAndResponseBody() {
        byte[] body = KdnetHandshake.responseBody(CLIENT_RANDOM, HOST_RANDOM);
        assertEquals(322, body.length);
        assertArrayEquals(DATA_KEY, KEY.dataKey(body));
    }

    @Test
    void decryptsFrame8AndReEncryptsToTheSameBytes() throws Exception {
        KdnetDatagram d = KdnetDatagram.decrypt(FRAME8, DATA_KEY, KEY.hmacKey());
        assertEquals(new KdnetHeader(3, true, 8), d.header());
        assertArrayEquals(Hex.decode("00000000000003 88"), d.header().encode());
        assertEquals(KdPacket.control(PacketType.ACKNOWLEDGE, 2), KdPacket.decode(d.body()));
        assertArrayEquals(FRAME8, d.encrypt(DATA_KEY, KEY.hmacKey()));
    }

    @Test
    void rejectsTamperedAndMalformedDatagrams() {
        byte[] tampered = FRAME8.clone();
        tampered[10] ^= 1;
        assertEquals("KDNET HMAC mismatch: datagram of 54 bytes fails authentication (wrong key or corrupted)",
                assertThrows(KdProtocolException.class,
                        () -> KdnetDatagram.decrypt(tampered, DATA_KEY, KEY.hmacKey())).getMessage());
        assertEquals("KDNET datagram length invalid: expected 6 + 16n + 16 bytes (n >= 1), got 53",
                assertThrows(KdProtocolException.class, () -> KdnetDatagram.decrypt(
                        java.util.Arrays.copyOf(FRAME8, 53), DATA_KEY, KEY.hmacKey())).getMessage());
        byte[] magic = FRAME8.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(KdProtocolException.class, () -> KdnetDatagram.channelOf(magic)).getMessage()
                .startsWith("KDNET bad magic: expected 0x4d444247"));
    }

    @Test
    void headerPadAlignsTheBody() {
        assertEquals(8, KdnetHeader.forBody(1, true, 16).padLength());
        assertEquals(0, KdnetHeader.forBody(1, true, 8).padLength());
        assertEquals(12, KdnetHeader.forBody(1, false, 12).padLength());
    }
}
