package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.display.TableHtml;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.module.Module;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class AddressFormatTest {
    private static final List<Module> X86_MODULES = List.of(
            Module.of("nt", "ntkrpamp.exe", 0xffffffff82800000L, 0x410000),
            Module.of("hal", "halmacpi.dll", 0xffffffff82c10000L, 0x49000));

    @Test
    void columnsPrintInTheTargetsStyle() {
        LongColumn x64 = AddressFormat.column("a", AddressStyle.X64).append(0xffffffff82800000L).appendMissing();
        LongColumn x86 = AddressFormat.column("a", AddressStyle.X86).append(0xffffffff82800000L).appendMissing();
        LongColumn register = AddressFormat.column32("value").append(0x82800000L);
        assertEquals("ffffffff`82800000", x64.getString(0));
        assertEquals("82800000", x86.getString(0));
        assertEquals("", x86.getString(1));
        assertEquals("82800000", register.getString(0));
        assertEquals(x64.get(0), x86.get(0), "the value is the same; only the text differs");
    }

    @Test
    void anX86ModuleTableRendersEightDigitAddressesInTextAndHtml() {
        Table t = DebugTables.modules(X86_MODULES, AddressStyle.X86);
        String html = TableHtml.render(t);
        assertTrue(html.contains("<td style=\"text-align:right\">82800000</td><td style=\"text-align:right\">82c10000</td>"
                + "<td>nt</td>"), html);
        String text = t.print();
        assertTrue(text.contains("82c10000  |  82c59000  |     hal  |"), text);
        assertEquals(-1, text.indexOf('`'), text);
        assertEquals(Missing.TEXT, t.getString(0, "pdb"));
    }

    @Test
    void x64ModuleTablesAreUnchanged() {
        Table t = DebugTables.modules(List.of(Module.of("nt", "ntoskrnl.exe", 0xfffff80002a00000L, 0x5e5000)),
                AddressStyle.X64);
        assertEquals("fffff800`02a00000", t.getString(0, "start"));
        assertEquals("fffff800`02fe5000", t.getString(0, "end"));
    }

    @Test
    void memoryDumpAddressesFollowTheStyleAndQwordsKeepSixteenDigits() {
        byte[] data = new byte[16];
        data[0] = 0x4d;
        data[1] = 0x5a;
        assertEquals("82800000  00000000`00005a4d 00000000`00000000",
                MemoryDump.of(0xffffffff82800000L, data, 8, AddressStyle.X86));
        assertEquals("82800000  00005a4d 00000000 00000000 00000000",
                MemoryDump.of(0xffffffff82800000L, data, 4, AddressStyle.X86));
        assertEquals("fffff800`02a00000  00005a4d 00000000 00000000 00000000",
                MemoryDump.of(0xfffff80002a00000L, data, 4, AddressStyle.X64));
    }
}
