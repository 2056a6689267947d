package dev.poolhit.jupyter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.magic.MagicUsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolHitKernelTest {
    @Test
    void magicProvidersOnTheClassPathAreRegisteredAndShutDown() {
        PoolHitKernel kernel = new PoolHitKernel();
        assertNotNull(kernel.magics().find("%provided"));
        assertEquals("java", kernel.getLanguageInfo().getName());
        kernel.onShutdown(false);
        assertTrue(TestMagicProvider.shutDown);
    }

    @Test
    void errorLinesAreShortForCellErrors() {
        List<String> lines = ErrorLines.of(new MagicUsageException("option --x given twice", "%m [--x]"));
        assertEquals(List.of("\u001b[0;31mUsageError: option --x given twice\u001b[0m", "usage: %m [--x]"), lines);
        List<String> bug = ErrorLines.of(new IllegalStateException("bad"));
        assertEquals("\u001b[0;31mKernelError: java.lang.IllegalStateException: bad\u001b[0m", bug.get(0));
        assertEquals("(this is a bug in the PoolHit kernel; the kernel is still usable)", bug.get(bug.size() - 1));
    }
}
