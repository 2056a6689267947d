package dev.poolhit.kd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.poolhit.common.Hex;
import org.junit.jupiter.api.Test;

/**
 * The XPCAP LoadSymbols state change from a real Windows XP x86 PAE kernel, written byte for byte
 * from kd-protocol.md 12.2 (independent of the codecs), including the stale union tail at 0xB8.
 */
class X86GoldenTest {
    static final byte[] XPCAP_LOAD_SYMBOLS = Hex.decode("""
            31300000           # 0x00 NewState 0x3031 (LoadSymbols)
            0000 0000          # 0x04 ProcessorLevel 0, Processor 0
            01000000           # 0x08 NumberProcessors 1
            00000000           # 0x0C padding
            40375580ffffffff   # 0x10 Thread 0xFFFFFFFF80553740 (sign-extended)
            c4f45280ffffffff   # 0x18 ProgramCounter 0xFFFFFFFF8052F4C4
            1f000000           # 0x20 PathNameLength 31
            00000000           # 0x24 padding
            00804d80ffffffff   # 0x28 BaseOfDll 0xFFFFFFFF804D8000
            ffffffff00000000   # 0x30 ProcessId -1, NOT sign-extended
            d3502000           # 0x38 CheckSum 0x002050D3
            80841f00           # 0x3C SizeOfImage 0x001F8480
            00                 # 0x40 UnloadSymbols
            00000000000000     # 0x41-0x47 zero
            0000000000000000 0000000000000000 0000000000000000 0000000000000000  # 0x48-0x67
            0000000000000000 0000000000000000 0000000000000000 0000000000000000  # 0x68-0x87
            0000000000000000 0000000000000000 0000000000000000 0000000000000000  # 0x88-0xA7
            0000000000000000 0000000000000000  # 0xA8-0xB7
            10000000 bcfa0500  # 0xB8 stale union tail (never interpreted)
            f00fffff           # 0xC0 Dr6 0xFFFF0FF0
            00040000           # 0xC4 Dr7 0x400
            1000               # 0xC8 InstructionCount 16
            0300               # 0xCA ReportFlags INCLUDES_SEGS | STANDARD_CS
            cc5dc20c00cccccc cccc8bff558becff  # 0xCC InstructionStream
            0800               # 0xDC SegCs 0x08
            2300               # 0xDE SegDs 0x23
            2300               # 0xE0 SegEs 0x23
            3000               # 0xE2 SegFs 0x30
            82000000           # 0xE4 EFlags 0x82
            0000000000000000   # 0xE8 unused
            5c57494e444f57535c73797374656d33325c6e746b726e6c70612e65786500  # 0xF0 \\WINDOWS\\system32\\ntkrnlpa.exe
            """);

    @Test
    void xpcapLoadSymbolsDecodesEveryListedField() throws Exception {
        assertEquals(240 + 31, XPCAP_LOAD_SYMBOLS.length);
        StateChange64 s = StateChange64.decode(XPCAP_LOAD_SYMBOLS);
        assertEquals(NewState.LOAD_SYMBOLS, s.kind().orElseThrow());
        assertEquals(1, s.numberProcessors());
        assertEquals(0xFFFFFFFF80553740L, s.thread());
        assertEquals(0x80553740L, X86Pointers.fromWire(s.thread()));
        assertEquals(0x8052F4C4L, X86Pointers.fromWire(s.programCounter()));
        LoadSymbols64 l = s.loadSymbols();
        assertEquals(31, l.pathNameLength());
        assertEquals(0x804D8000L, X86Pointers.fromWire(l.baseOfDll()));
        assertEquals(0x00000000FFFFFFFFL, l.processId());
        assertEquals(0x002050D3, l.checkSum());
        assertEquals(0x001F8480, l.sizeOfImage());
        assertFalse(l.unloadSymbols());
        assertEquals("\\WINDOWS\\system32\\ntkrnlpa.exe", s.loadSymbolsPath());
        assertArrayEquals(XPCAP_LOAD_SYMBOLS, s.encode());
    }

    @Test
    void xpcapControlReportIsTheX86Layout() throws Exception {
        ControlReportX86 r = StateChange64.decode(XPCAP_LOAD_SYMBOLS).controlReportX86();
        assertEquals(0xFFFF0FF0, r.dr6());
        assertEquals(0x400, r.dr7());
        assertEquals(16, r.instructionCount());
        assertEquals(ControlReportX86.REPORT_INCLUDES_SEGS | ControlReportX86.REPORT_STANDARD_CS, r.reportFlags());
        assertArrayEquals(Hex.decode("cc5dc20c00cccccccccc8bff558becff"), r.instructions());
        assertEquals(0x08, r.segCs());
        assertEquals(0x23, r.segDs());
        assertEquals(0x23, r.segEs());
        assertEquals(0x30, r.segFs());
        assertEquals(0x82, r.eflags());
        assertEquals(0, r.unused());
    }

    @Test
    void aSimulatedX86TargetRebuildsTheCapturedPacket() throws Exception {
        ControlReportAmd64 placeholder = new ControlReportAmd64(0, 0, 0, 0, 0, new byte[16], 0, 0, 0, 0);
        StateChange64 built = StateChange64.loadSymbols(
                new StateChange64.Cpu(0, 0, 1, X86Pointers.toWireVirtual(0x80553740L),
                        X86Pointers.toWireVirtual(0x8052F4C4L)),
                new LoadSymbols64(0, 0, X86Pointers.toWireVirtual(0x804D8000L), 0xFFFFFFFFL, 0x002050D3, 0x001F8480,
                        false),
                "\\WINDOWS\\system32\\ntkrnlpa.exe", placeholder)
                .withX86Report(new ControlReportX86(0xFFFF0FF0, 0x400, 16, 3,
                        Hex.decode("cc5dc20c00cccccccccc8bff558becff"), 0x08, 0x23, 0x23, 0x30, 0x82, 0));
        byte[] expected = XPCAP_LOAD_SYMBOLS.clone();
        java.util.Arrays.fill(expected, 0xB8, 0xC0, (byte) 0); // the capture's stale union tail
        assertArrayEquals(expected, built.encode());
    }

    @Test
    void x86ReportReencodesToTheCaptureBytes() throws Exception {
        byte[] area = java.util.Arrays.copyOfRange(XPCAP_LOAD_SYMBOLS, 0xC0, 0xF0);
        assertArrayEquals(area, ControlReportX86.decode(area).encode());
    }
}
