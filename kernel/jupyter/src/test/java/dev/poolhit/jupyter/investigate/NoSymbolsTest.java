package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A symbol path without the kernel's PDB: %connect says so, %poolhittag asks for --at, and --at works. */
class NoSymbolsTest {
    @Test
    void withoutThePdbPoolHitTagNeedsAnExplicitAddress(@TempDir Path empty) throws Exception {
        try (CellHarness cells = new CellHarness()) {
            String summary = (String) cells.exec("%connect sim:rate=0 --symbols " + empty).orElseThrow();
            assertTrue(summary.contains("PoolHitTag: not located (nt!PoolHitTag not found: it is not exported, so the"
                    + " kernel's PDB is needed"), summary);
            Table symbols = (Table) cells.exec("%symbols").orElseThrow();
            assertEquals(List.of("exports", "exports"), symbols.stringColumn("symbols").asList());
            CellException e = assertThrows(CellException.class, () -> cells.exec("%poolhittag Lea2"));
            assertEquals("TargetError", e.errorName());
            assertTrue(e.title().startsWith("TargetError: %poolhittag: nt!PoolHitTag not found"), e.title());
            assertTrue(e.title().endsWith("give its address explicitly (--at) instead"), e.title());
            long at = PoolHit.session().machine().orElseThrow().kernel().globals().poolHitTag();
            assertEquals(Optional.of("PoolHitTag = Lea2 (0x3261654c) (was idle (0xffffff0f))"),
                    cells.exec("%poolhittag Lea2 --at " + Hex.u64(at)));
            assertEquals(Optional.of("Lea2 (0x3261654c)"), cells.exec("%poolhittag"));
            assertTrue(((String) cells.exec("%disconnect").orElseThrow()).contains("PoolHitTag back to 0xffffff0f"));
        }
    }
}
