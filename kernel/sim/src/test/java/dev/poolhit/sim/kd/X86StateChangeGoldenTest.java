package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.sim.kernel.KdVersion;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.StopEvent;
import org.junit.jupiter.api.Test;

/**
 * The x86 state change and GetVersion the adapter builds, byte for byte against layouts written
 * out from kd-protocol.md 12.1-12.2 (sign-extended Thread/PC/ExceptionAddress, the 40-byte
 * X86_DBGKD_CONTROL_REPORT at 0xC0 with its 8 zero bytes), so a bug shared with the kd codecs shows.
 */
class X86StateChangeGoldenTest {
    private static final String BREAKPOINT_AT_DBG_BREAK_POINT = """
            30 30 00 00               # NewState 0x3030 DbgKdExceptionStateChange
            06 00                     # ProcessorLevel 6
            01 00                     # Processor 1
            02 00 00 00               # NumberProcessors 2
            00 00 00 00               # padding
            60 10 c0 84 ff ff ff ff   # Thread 0x84c01060 sign-extended
            00 13 80 82 ff ff ff ff   # ProgramCounter nt!DbgBreakPoint 0x82801300 sign-extended
            03 00 00 80               # 0x20 ExceptionCode STATUS_BREAKPOINT
            00 00 00 00               # 0x24 ExceptionFlags
            00 00 00 00 00 00 00 00   # 0x28 ExceptionRecord (no chain)
            00 13 80 82 ff ff ff ff   # 0x30 ExceptionAddress = PC, sign-extended
            01 00 00 00               # 0x38 NumberParameters 1
            00 00 00 00               # 0x3C alignment
            00 00 00 00 00 00 00 00   # 0x40 ExceptionInformation[0] BREAKPOINT_BREAK
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [1], [2]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [3], [4]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [5], [6]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [7], [8]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [9], [10]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [11], [12]
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # [13], [14]
            01 00 00 00               # 0xB8 FirstChance
            00 00 00 00               # 0xBC padding
            f0 0f ff ff               # 0xC0 Dr6 0xffff0ff0 (u32 on x86)
            00 04 00 00               # 0xC4 Dr7 0x400
            10 00                     # 0xC8 InstructionCount 16
            03 00                     # 0xCA ReportFlags INCLUDES_SEGS | STANDARD_CS (CS 0x08)
            cc c3 8b ff 55 8b ec 90   # 0xCC InstructionStream: int 3; ret; mov edi,edi; push ebp; mov ebp,esp
            90 90 90 90 90 90 90 90
            08 00                     # 0xDC SegCs KGDT_R0_CODE
            23 00                     # 0xDE SegDs
            23 00                     # 0xE0 SegEs
            30 00                     # 0xE2 SegFs KGDT_R0_PCR
            02 02 00 00               # 0xE4 EFlags 0x202
            00 00 00 00 00 00 00 00   # 0xE8 unused
            """;

    @Test
    void x86BreakpointStateChangeMatchesTheDocumentedLayout() {
        byte[] stream = Hex.decode("cc c3 8b ff 55 8b ec 90 90 90 90 90 90 90 90 90");
        Context context = Context.x86Kernel(0x82801300L, 0x8d003f00L);
        StopEvent stop = new StopEvent(StopEvent.STATUS_BREAKPOINT, 1, 2, 0x84c01060L, 0x82801300L, context, stream,
                0xffff0ff0L, 0x400, false);
        byte[] expected = Hex.decode(BREAKPOINT_AT_DBG_BREAK_POINT);
        byte[] actual = StateChanges.exception(stop, true).encode();
        assertEquals(Hex.dump(expected, 0, expected.length), Hex.dump(actual, 0, actual.length));
    }

    @Test
    void x86GetVersionHasMachine014cNoPtr64AndSignExtendedAddresses() {
        GetVersion64 v = ManipulateServer.version(KdVersion.win7x86(0x82800000L, 0x82803160L, 0x828034dcL));
        assertEquals(0x014c, v.machineType());
        assertEquals(0x3, v.flags(), "MP | DATA, no PTR64 (kd-protocol.md 12.1)");
        assertEquals(0, v.kdSecondaryVersion());
        assertEquals(0xffffffff82800000L, v.kernBase());
        assertEquals(0xffffffff82803160L, v.psLoadedModuleList());
        assertEquals(0xffffffff828034dcL, v.debuggerDataList());
    }
}
