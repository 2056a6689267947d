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
    void windows7Sp1X86HasItsOwnHeaderValues() {
        OsOffsets o = OsOffsets.forBuild(7601, 0x14c).orElseThrow();
        assertEquals(0x28, o.kthreadInitialStack());
        assertEquals(0x2c, o.kthreadStackLimit());
        assertEquals(0x40 + 0x10, o.kthreadApcStateProcess(), "ApcState at 0x40, KAPC_STATE.Process at 0x10");
        assertEquals(0x190, o.kthreadStackBase());
        assertEquals(0x22c + 4, o.ethreadCidUniqueThread(), "Cid at 0x22c, CLIENT_ID.UniqueThread second");
        assertEquals(0xb4, o.eprocessUniqueProcessId());
        assertEquals(0x16c, o.eprocessImageFileName());
        assertEquals(0x1a8, o.eprocessPeb());
        assertEquals(0x0c, o.pebLdr());
        assertEquals(0x0c, o.ldrInLoadOrderModuleList());
        assertEquals(4, o.pointerBytes());
        assertEquals(8, OsOffsets.forBuild(7601, 0x8664).orElseThrow().pointerBytes());
    }

    @Test
    void otherBuildsAndMachinesHaveNoTable() {
        assertTrue(OsOffsets.forBuild(7600, 0x8664).isEmpty(), "RTM is not SP1: not guessed");
        assertTrue(OsOffsets.forBuild(9600, 0x8664).isEmpty());
        assertTrue(OsOffsets.forBuild(7600, 0x14c).isEmpty(), "x86 RTM: not guessed");
        assertEquals("no kernel structure offsets for build 7600 (machine 0x14c): process names and thread stack"
                + " limits stay missing and stacks stop at user mode", OsOffsets.unknownBuildNote(7600, 0x14c));
    }
}
