package dev.poolhit.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void printsAddressesAsWinDbgDoes() {
        // Child-SP of the first frame in ../shared/fixtures/kd-logs/poolhittag-x64-win7.log
        assertEquals("fffff880`04ec1860", Hex.u64(0xfffff88004ec1860L));
        assertEquals("00000000`0012f930", Hex.u64(0x12f930L));
        assertEquals("8059cec8", Hex.u32(0xffffffff8059cec8L));
        assertEquals("0x82e", Hex.offset(0x82e));
    }

    @Test
    void parsesAddressesAsPeopleTypeThem() {
        assertEquals(0xfffff88004ec1860L, Hex.parseAddress("fffff880`04ec1860"));
        assertEquals(0xfffff88004ec1860L, Hex.parseAddress("0xfffff88004ec1860"));
        assertEquals(0x10L, Hex.parseAddress(" 10 "));
        assertEquals("address longer than 64 bits: '1fffff88004ec1860'",
                assertThrows(NumberFormatException.class, () -> Hex.parseAddress("1fffff88004ec1860")).getMessage());
        assertEquals("not a hex address: 'nt!foo'",
                assertThrows(NumberFormatException.class, () -> Hex.parseAddress("nt!foo")).getMessage());
    }

    @Test
    void decodesAnnotatedGoldenBytes() {
        byte[] b = Hex.decode("""
                30 30 30 30   # leader
                03 00         # type
                """);
        assertArrayEquals(new byte[] {0x30, 0x30, 0x30, 0x30, 3, 0}, b);
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("303"));
    }

    @Test
    void littleEndianRoundTrips() {
        byte[] b = new byte[8];
        LittleEndian.put64(b, 0, 0xfffff80112345678L);
        assertEquals("78563412 01f8ffff".replace(" ", ""), Hex.bytes(b));
        assertEquals(0xfffff80112345678L, LittleEndian.u64(b, 0));
        assertEquals(0x12345678L, LittleEndian.u32(b, 0));
        assertEquals(0xf801, LittleEndian.u16(b, 4));
    }

    @Test
    void rangesCompareUnsigned() {
        AddressRange r = AddressRange.ofSize(0xfffff80000000000L, 0x1000);
        assertTrue(r.contains(0xfffff80000000fffL));
        assertFalse(r.contains(0xfffff80000001000L));
        assertFalse(r.contains(0x1000));
        assertEquals(0x1000, r.size());
    }
}
