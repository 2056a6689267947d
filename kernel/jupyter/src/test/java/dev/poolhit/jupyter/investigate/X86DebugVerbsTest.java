package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import dev.poolhit.sim.machine.Machine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void addressesInTablesDumpsAndMessagesHaveEightDigits() throws Exception {
        String summary = (String) cells.exec("%connect sim:x86,rate=0").orElseThrow();
        assertTrue(summary.contains("kernel base 82800000"), summary);
        long tag = PoolHit.session().target().resolve("nt!PoolHitTag").orElseThrow();
        assertTrue(summary.contains("PoolHitTag: nt!PoolHitTag at " + Hex.u32(tag) + " holds"), summary);
        Table modules = (Table) cells.exec("%lm").orElseThrow();
        assertEquals("82800000", modules.getString(0, "start"));
        assertEquals(0xffffffff82800000L, modules.longColumn("start").get(0), "values stay sign-extended");
        Table stack = (Table) cells.exec("%k").orElseThrow();
        assertEquals(8, stack.getString(0, "child_sp").length(), stack::print);
        String narrow = (String) cells.exec("%dd 82800000 L4").orElseThrow();
        assertTrue(narrow.startsWith("82800000  ") && narrow.substring(10, 18).endsWith("5a4d"), narrow); // MZ
        assertEquals(narrow, cells.exec("%dd ffffffff`82800000 L4").orElseThrow(), "both forms mean the same address");
        assertEquals("UsageError: ADDR: address wider than 32 bits on an x86 target: fffff800`02a00000, expected 8 hex"
                + " digits or 16 whose upper 8 copy bit 31", assertThrows(CellException.class,
                () -> cells.exec("%dq fffff800`02a00000")).title());
        String status = (String) cells.exec("%status").orElseThrow();
        assertTrue(status.contains("PoolHitTag: nt!PoolHitTag at " + Hex.u32(tag) + ", "), status);
        assertEquals("BadAddress: --at: address wider than 32 bits on an x86 target: fffff800`02a00000, expected 8 hex"
                + " digits or 16 whose upper 8 copy bit 31", assertThrows(CellException.class,
                () -> cells.exec("%poolhittag --at fffff800`02a00000")).title());
        assertEquals("PoolHitTagMoved: PoolHitTag is already in use at " + Hex.u32(tag) + ": %restore and %disconnect"
                + " before using another address", assertThrows(CellException.class,
                () -> cells.exec("%poolhittag --at " + Hex.u32(tag + 4))).title());
    }

    @Test
    void anX86TraceKeepsItsAddressFormThroughSaveAndLoad(@TempDir Path dir) throws Exception {
        cells.exec("%connect sim:x86,rate=0");
        String armed = (String) cells.exec("%poolhittag Lea2 --at " + Hex.u32(
                PoolHit.session().target().resolve("nt!PoolHitTag").orElseThrow())).orElseThrow();
        assertTrue(armed.startsWith("PoolHitTag = Lea2"), armed);
        Table hits = (Table) cells.exec("%trace 10").orElseThrow();
        String thread = hits.getString(0, "thread");
        assertEquals(Hex.u32(hits.longColumn("thread").get(0)), thread);
        Path file = dir.resolve("x86.phtrace");
        cells.exec("%save " + file);
        String before = PoolHit.trace().frames().printAll() + hits.printAll();
        assertFalse(before.contains("`"), before);
        cells.exec("%restore");
        cells.exec("%disconnect");
        Table loaded = (Table) cells.exec("%load " + file + " --into again").orElseThrow();
        assertEquals(before, PoolHit.trace().frames().printAll() + loaded.printAll());
        assertEquals(thread, loaded.getString(0, "thread"));
    }
}
