package dev.poolhit.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Win7OffsetsTest {
    @Test
    void tableNamesEachFieldOnceAndKeepsKnownWin7Values() {
        List<Win7Offsets> table = Win7Offsets.table();
        Set<String> names = new HashSet<>();
        table.forEach(o -> names.add(o.structure() + "." + o.field()));
        assertEquals(table.size(), names.size());
        assertEquals("EPROCESS.ImageFileName +0x2e0", Win7Offsets.EPROCESS_IMAGE_FILE_NAME.toString());
        assertEquals(0x3b8, Win7Offsets.ETHREAD_CID_UNIQUE_THREAD.offset());
        assertEquals(0x70, Win7Offsets.KTHREAD_APC_STATE_PROCESS.offset());
    }
}
