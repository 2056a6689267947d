package dev.poolhit.pool.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import org.junit.jupiter.api.Test;

class HexFormatterTest {
    @Test
    void x64AddressesKeepWinDbgsSixteenDigits() {
        HexFormatter f = HexFormatter.address(AddressStyle.X64);
        assertEquals("fffff880`04ec1860", f.format(0xfffff88004ec1860L));
        assertEquals("ffffffff`82800000", f.format(0xffffffff82800000L));
        assertEquals("", f.format(Missing.LONG));
    }

    @Test
    void x86AddressesPrintEightDigits() {
        HexFormatter f = HexFormatter.address(AddressStyle.X86);
        assertEquals("82800000", f.format(0xffffffff82800000L));
        assertEquals("0012f930", f.format(0x0012f930L));
        assertEquals("", f.format(Missing.LONG));
        assertEquals("WinDbg x86 address", f.toString());
    }

    @Test
    void offsetsDoNotDependOnTheMachine() {
        assertEquals("0x82e", HexFormatter.OFFSET.format(0x82eL));
        assertEquals("", HexFormatter.OFFSET.format(Missing.LONG));
    }
}
