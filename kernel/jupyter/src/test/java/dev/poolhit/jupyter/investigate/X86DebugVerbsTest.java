package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.sim.machine.Machine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The everyday verbs on the 32-bit simulator ({@code %connect sim:x86}) speak x86: eax..edi and eip, 8 digits. */
class X86DebugVerbsTest {
    private final CellHarness cells = new CellHarness();

    @AfterEach
    void close() throws Exception {
        if (PoolHit.session().connected()) {
            cells.exec("%disconnect");
        }
        cells.close();
    }

    @Test
    void registersAreTheX86OnesWithEightDigits() throws Exception {
        String summary = (String) cells.exec("%connect sim:x86,rate=0").orElseThrow();
        assertTrue(summary.contains("Windows build 7601 x86 (free)"), summary);
        Table regs = (Table) cells.exec("%r").orElseThrow();
        assertEquals(List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip"),
                regs.stringColumn("register").asList());
        Machine machine = PoolHit.session().machine().orElseThrow();
        int cpu = PoolHit.session().target().lastStop().orElseThrow().processor();
        String eip = Hex.u32(machine.context(cpu).rip());
        assertEquals(eip, regs.getString(8, "value"));
        assertEquals(8, regs.getString(4, "value").length(), "esp: " + regs.getString(4, "value"));
    }
}
