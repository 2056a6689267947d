package dev.poolhit.target.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OsOffsetsTest {
    @Test
    void windows7Sp1X64HasTheHeaderValues() {
        OsOffsets o = OsOffsets.forBuild(7601, 0x8664).orElseThrow();
        assertEquals(0x28, o.kthreadInitialStack());
        assertEquals(0x30, o.kthreadStackLimit());
        assertEquals(0x50 + 0x20, o.kthreadApcStateProcess(), "ApcState at 0x50, KAPC_STATE.Process at 0x20");
        assertEquals(0x278, o.kthreadStackBase());
        assertEquals(0x3b0 + 8, o.ethreadCidUniqueThread(), "Cid at 0x3b0, CLIENT_ID.UniqueThread second");
        assertEquals(0x180, o.eprocessUniqueProcessId());
        assertEquals(0x2e0, o.eprocessImageFileName());
        assertEquals(0x338, o.eprocessPeb());
        assertEquals(0x18, o.pebLdr());
        assertEquals(0x10, o.ldrInLoadOrderModuleList());
    }

    @Test
    void otherBuildsAndMachinesHaveNoTable() {
        assertTrue(OsOffsets.forBuild(7600, 0x8664).isEmpty(), "RTM is not SP1: not guessed");
        assertTrue(OsOffsets.forBuild(9600, 0x8664).isEmpty());
        assertTrue(OsOffsets.forBuild(7601, 0x14c).isEmpty(), "x86 has other offsets");
        assertEquals("no kernel structure offsets for build 7600 (machine 0x14c): process names and thread stack"
                + " limits stay missing and stacks stop at user mode", OsOffsets.unknownBuildNote(7600, 0x14c));
    }
}
