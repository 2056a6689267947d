package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.jupyter.kernel.CellHarness;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The investigation's runtime handle is imported in every cell, so notebooks need no import line for it. */
class CellImportsTest {
    @Test
    void poolHitIsUsableInACellWithoutAnImport() throws Exception {
        try (CellHarness cells = new CellHarness()) {
            assertEquals(Optional.of(false), cells.exec("PoolHit.session().connected()"));
        }
    }
}
