package dev.poolhit.target.unwind;

import static dev.poolhit.target.unwind.UnwindLab.BASE;
import static dev.poolhit.target.unwind.UnwindLab.STACK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per unwind op; each expected RSP/RIP/register is worked out by hand from the bytes laid out. */
class UnwindOpsTest {
    private static final long RET = 0xfffff800_02d14e2dL;
    private final UnwindLab lab = new UnwindLab();

    @Test
    void pushNonvolAndAllocSmall() {
        lab.function(0x1000, 0x1100, """
                01        # version 1, flags 0
                05        # SizeOfProlog 5
                02        # CountOfCodes 2
                00        # no frame register
                05 42     # @5 UWOP_ALLOC_SMALL info 4: 4*8+8 = 0x28
                01 30     # @1 UWOP_PUSH_NONVOL rbx
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x1111); // saved rbx just above the 0x28 allocation
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1040, rsp));
        assertEquals(UnwindMethod.UNWIND_CODES, step.method());
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x38, step.caller().rsp());
        assertEquals(0x1111, step.caller().get(Reg.RBX));
    }

    @Test
    void insidePrologOnlyCodesAtOrBeforeTheOffsetApply() {
        lab.function(0x1000, 0x1100, """
                01 05 02 00
                05 42     # @5 ALLOC_SMALL 0x28: not executed yet at offset 1
                01 30     # @1 PUSH_NONVOL rbx: executed
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp, 0x2222);
        lab.put(rsp + 8, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1001, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x10, step.caller().rsp());
        assertEquals(0x2222, step.caller().get(Reg.RBX));
    }

    @Test
    void allocLargeBothForms() {
        lab.function(0x1000, 0x1100, """
                01 0e 05 00
                0e 11 50 23 01 00  # @0xe UWOP_ALLOC_LARGE info 1: 32-bit size 0x12350
                07 01 00 02        # @7 UWOP_ALLOC_LARGE info 0: 0x200 * 8 = 0x1000
                00 00              # padding slot (odd count)
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x12350 + 0x1000, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1050, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x13350 + 8, step.caller().rsp());
    }

    @Test
    void setFpregRestoresRspFromTheFramePointerDespiteAlloca() {
        lab.function(0x1000, 0x1100, """
                01 0a 03  # version 1, prolog 0xa, 3 codes
                25        # FrameRegister 5 (rbp), FrameOffset 2 (0x20)
                0a 03     # @0xa UWOP_SET_FPREG
                05 72     # @5 ALLOC_SMALL info 7: 0x40
                01 50     # @1 PUSH_NONVOL rbp
                00 00     # padding
                """);
        long established = STACK + 0x200;
        lab.put(established + 0x40, 0x5555); // caller's rbp
        lab.put(established + 0x48, RET);
        Registers at = Registers.of(BASE + 0x1060, STACK + 0x80).with(Reg.RBP, established + 0x20);
        UnwindStep step = lab.unwinder().unwind(at);
        assertEquals(RET, step.caller().rip());
        assertEquals(established + 0x50, step.caller().rsp());
        assertEquals(0x5555, step.caller().get(Reg.RBP));
    }

    @Test
    void saveNonvolAndSaveNonvolFarAreRelativeToTheEstablishedFrame() {
        lab.function(0x1000, 0x1100, """
                01 0e 06 00
                0e 75 58 00 00 00  # @0xe UWOP_SAVE_NONVOL_FAR rdi at +0x58
                09 64 0a 00        # @9 UWOP_SAVE_NONVOL rsi at 0xa*8 = +0x50
                04 82              # @4 ALLOC_SMALL info 8: 0x48
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x50, 0x6666);
        lab.put(rsp + 0x58, 0x7777);
        lab.put(rsp + 0x48, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1040, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x50, step.caller().rsp());
        assertEquals(0x6666, step.caller().get(Reg.RSI));
        assertEquals(0x7777, step.caller().get(Reg.RDI));
    }

    @Test
    void saveXmm128AndFarRestoreXmmAndSkipTheirSlots() {
        lab.function(0x1000, 0x1100, """
                01 14 06 00
                14 99 30 00 00 00  # @0x14 UWOP_SAVE_XMM128_FAR xmm9 at +0x30
                0e 68 02 00        # @0xe UWOP_SAVE_XMM128 xmm6 at 2*16 = +0x20
                04 82              # @4 ALLOC_SMALL 0x48
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x20, 0x61);
        lab.put(rsp + 0x28, 0x62);
        lab.put(rsp + 0x30, 0x91);
        lab.put(rsp + 0x38, 0x92);
        lab.put(rsp + 0x48, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1040, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x50, step.caller().rsp());
        assertEquals(List.of(new XmmValue(9, 0x91, 0x92), new XmmValue(6, 0x61, 0x62)), step.xmmRestored());
    }

    @Test
    void pushMachframeWithoutAndWithErrorCode() {
        lab.function(0x1000, 0x1100, "01 01 01 00  01 0a 00 00  # @1 UWOP_PUSH_MACHFRAME info 0");
        lab.function(0x1100, 0x1200, "01 01 01 00  01 1a 00 00  # @1 UWOP_PUSH_MACHFRAME info 1 (error code)");
        long rsp = STACK + 0x100;
        long userRip = 0x00000000_7756138aL;
        lab.put(rsp, userRip);                      // RIP
        lab.put(rsp + 0x18, 0x00000000_000df4c8L);  // RSP (CS, EFLAGS between)
        UnwindStep plain = lab.unwinder().unwind(Registers.of(BASE + 0x1010, rsp));
        assertEquals(UnwindMethod.MACHINE_FRAME, plain.method());
        assertEquals(userRip, plain.caller().rip());
        assertEquals(0x000df4c8L, plain.caller().rsp());

        lab.put(rsp + 8, userRip + 1);
        lab.put(rsp + 0x20, 0x000df4d0L);
        UnwindStep withError = lab.unwinder().unwind(Registers.of(BASE + 0x1110, rsp));
        assertEquals(userRip + 1, withError.caller().rip());
        assertEquals(0x000df4d0L, withError.caller().rsp());
    }

    @Test
    void version2EpilogCodesAreSkipped() {
        lab.function(0x1000, 0x1100, """
                02        # version 2, flags 0
                05 04 00  # prolog 5, 4 codes, no frame register
                01 16     # UWOP_EPILOG: size 1, info 1 (epilog at the end)
                06 06     # its second slot: offset 6 from the end
                05 42     # @5 ALLOC_SMALL 0x28
                01 30     # @1 PUSH_NONVOL rbx
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x3333);
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1040, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x38, step.caller().rsp());
        assertEquals(0x3333, step.caller().get(Reg.RBX));
    }

    @Test
    void version2WithAnOddNumberOfEpilogCodesStaysAligned() {
        lab.function(0x1000, 0x1100, """
                02 05 05 00  # version 2, prolog 5, 5 codes, no frame register
                02 16        # UWOP_EPILOG header: epilogs are 2 bytes long, one at the very end
                20 06        # epilog at 0x20 from the end
                40 06        # epilog at 0x40 from the end
                05 42        # @5 ALLOC_SMALL 0x28
                01 30        # @1 PUSH_NONVOL rbx
                00 00        # padding to an even count
                """);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x3434);
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1040, rsp));
        assertEquals(rsp + 0x38, step.caller().rsp());
        assertEquals(0x3434, step.caller().get(Reg.RBX));
    }

    @Test
    void leafFunctionPopsTheReturnAddress() {
        long rsp = STACK + 0x100;
        lab.put(rsp, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x2000, rsp));
        assertEquals(UnwindMethod.LEAF, step.method());
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 8, step.caller().rsp());
    }
}
