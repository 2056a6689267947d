package dev.poolhit.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressStyleTest {
    @Test
    void x64PrintsWinDbgSixteenDigits() {
        assertEquals("fffff800`02a00000", AddressStyle.X64.text(0xfffff80002a00000L));
        assertEquals("ffffffff`82800000", AddressStyle.X64.text(0xffffffff82800000L));
    }

    @Test
    void x86PrintsEightDigitsOfSignExtendedValues() {
        assertEquals("82800000", AddressStyle.X86.text(0xffffffff82800000L));
        assertEquals("0012f930", AddressStyle.X86.text(0x0012f930L), "user-mode address, zero upper half");
        assertEquals("00000000", AddressStyle.X86.text(0));
    }

    @Test
    void x86KeepsSixteenDigitsForValuesNoPointerCanHold() {
        assertEquals("00000000`82800000", AddressStyle.X86.text(0x82800000L), "bit 31 set but not sign-extended");
        assertEquals("fffff800`02a00000", AddressStyle.X86.text(0xfffff80002a00000L));
    }

    @Test
    void x86ParsesBothFormsToTheSignExtendedValue() {
        assertEquals(0xffffffff82800000L, AddressStyle.X86.parse("82800000"));
        assertEquals(0xffffffff82800000L, AddressStyle.X86.parse("ffffffff`82800000"));
        assertEquals(0xffffffff82800000L, AddressStyle.X86.parse("0x82800000"));
        assertEquals(0x0012f930L, AddressStyle.X86.parse("12f930"));
    }

    @Test
    void x86RejectsAddressesWiderThanItsPointers() {
        NumberFormatException e = assertThrows(NumberFormatException.class,
                () -> AddressStyle.X86.parse("fffff800`02a00000"));
        assertEquals("address wider than 32 bits on an x86 target: fffff800`02a00000, expected 8 hex digits or 16"
                + " whose upper 8 copy bit 31 (typed as 'fffff800`02a00000')", e.getMessage());
    }

    @Test
    void x64ParsesAsTypedWithoutExtension() {
        assertEquals(0x82800000L, AddressStyle.X64.parse("82800000"));
        assertEquals(0xfffff80002a00000L, AddressStyle.X64.canonical(0xfffff80002a00000L));
    }

    @Test
    void pointerBitsRoundTrip() {
        for (AddressStyle s : AddressStyle.values()) {
            assertEquals(s, AddressStyle.ofPointerBits(s.pointerBits()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressStyle.ofPointerBits(16));
        assertEquals("pointer width: expected 32 or 64, actual 16", e.getMessage());
    }
}
