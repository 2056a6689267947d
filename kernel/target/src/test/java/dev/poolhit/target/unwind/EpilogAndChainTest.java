package dev.poolhit.target.unwind;

import static dev.poolhit.target.unwind.UnwindLab.BASE;
import static dev.poolhit.target.unwind.UnwindLab.STACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import dev.poolhit.target.UnwindException;
import dev.poolhit.target.pe.RuntimeFunction;
import org.junit.jupiter.api.Test;

/** Epilog simulation from code bytes (with our breakpoints masked), chained unwind info and its guards. */
class EpilogAndChainTest {
    private static final long RET = 0xfffff880_0496e634L;
    private static final String PUSH_RBX_ALLOC_28 = """
            01 05 02 00
            05 42     # @5 ALLOC_SMALL 0x28
            01 30     # @1 PUSH_NONVOL rbx
            """;
    private final UnwindLab lab = new UnwindLab();

    @Test
    void epilogAtAddRspIsSimulatedForward() {
        lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        lab.code(0x1080, "48 83 c4 28  5b  c3   # add rsp,28h; pop rbx; ret");
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x4444);
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1080, rsp));
        assertEquals(UnwindMethod.EPILOG, step.method());
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x38, step.caller().rsp());
        assertEquals(0x4444, step.caller().get(Reg.RBX));
    }

    @Test
    void addToAnotherRegisterIsNotAnEpilog() {
        lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        lab.code(0x1080, "49 83 c4 28  5b  c3   # add r12,28h (REX.B): not the stack pointer");
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1080, rsp));
        assertEquals(UnwindMethod.UNWIND_CODES, step.method());
        assertEquals(rsp + 0x38, step.caller().rsp());
    }

    @Test
    void midEpilogAfterTheAddOnlyPopsRemain() {
        lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        lab.code(0x1080, "48 83 c4 28  41 5e  5b  c3   # ...; pop r14; pop rbx; ret");
        long rsp = STACK + 0x100; // RIP at pop r14: the allocation is already gone
        lab.put(rsp, 0xe14);
        lab.put(rsp + 8, 0xb);
        lab.put(rsp + 0x10, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1084, rsp));
        assertEquals(UnwindMethod.EPILOG, step.method());
        assertEquals(0xe14, step.caller().get(Reg.R14));
        assertEquals(0xb, step.caller().get(Reg.RBX));
        assertEquals(rsp + 0x18, step.caller().rsp());
        assertEquals(RET, step.caller().rip());
    }

    @Test
    void ourBreakpointOverThePopIsMaskedSoTheEpilogIsStillSeen() {
        lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        lab.code(0x1080, "48 83 c4 28  cc  c3   # the pop rbx (5b) replaced by our int 3");
        lab.patches.record(BASE + 0x1084, (byte) 0x5b);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x4444);
        lab.put(rsp + 0x30, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1080, rsp));
        assertEquals(UnwindMethod.EPILOG, step.method());
        assertEquals(0x4444, step.caller().get(Reg.RBX));
        assertEquals(rsp + 0x38, step.caller().rsp());
    }

    @Test
    void leaRspEpilogUsesTheFrameRegister() {
        lab.function(0x1000, 0x1100, """
                01 0a 03 25   # prolog 0xa, 3 codes, rbp with offset 0x20
                0a 03  05 72  01 50  00 00
                """);
        lab.code(0x1090, "48 8d 65 e0  5d  c3   # lea rsp,[rbp-20h]; pop rbp; ret");
        long rbp = STACK + 0x400;
        lab.put(rbp - 0x20, 0x9999);
        lab.put(rbp - 0x18, RET);
        UnwindStep step = lab.unwinder().unwind(Registers.of(BASE + 0x1090, STACK + 0x100).with(Reg.RBP, rbp));
        assertEquals(UnwindMethod.EPILOG, step.method());
        assertEquals(0x9999, step.caller().get(Reg.RBP));
        assertEquals(rbp - 0x10, step.caller().rsp());
        assertEquals(RET, step.caller().rip());
    }

    @Test
    void jmpOutOfTheFunctionIsATailCallEpilogButAJmpInsideIsNot() {
        lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        lab.code(0x1080, "48 83 c4 28  5b  e9 00 10 00 00   # ...; jmp +0x1000 (to 0x208a, outside)");
        lab.code(0x10c0, "48 83 c4 28  5b  eb 02            # ...; jmp short inside the function");
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x4444);
        lab.put(rsp + 0x30, RET);
        assertEquals(UnwindMethod.EPILOG, lab.unwinder().unwind(Registers.of(BASE + 0x1080, rsp)).method());
        UnwindStep notEpilog = lab.unwinder().unwind(Registers.of(BASE + 0x10c0, rsp));
        assertEquals(UnwindMethod.UNWIND_CODES, notEpilog.method());
        assertEquals(rsp + 0x38, notEpilog.caller().rsp()); // same frame shape, found through the codes
    }

    @Test
    void chainedFragmentUnwindsWithItsParentsCodes() {
        long parentInfo = lab.function(0x1000, 0x1100, PUSH_RBX_ALLOC_28);
        String parent = Hex.bytes(new RuntimeFunction(0x1000, 0x1100, parentInfo).encode());
        lab.function(0x2800, 0x2810, "21 00 00 00  # version 1, UNW_FLAG_CHAININFO, no codes\n" + parent);
        long rsp = STACK + 0x100;
        lab.put(rsp + 0x28, 0x1234);
        lab.put(rsp + 0x30, RET);
        X64Unwinder unwinder = lab.unwinder();
        UnwindStep step = unwinder.unwind(Registers.of(BASE + 0x2804, rsp));
        assertEquals(RET, step.caller().rip());
        assertEquals(rsp + 0x38, step.caller().rsp());
        assertEquals(0x1234, step.caller().get(Reg.RBX));
        FunctionEntry fragment = unwinder.functions().lookup(BASE + 0x2804).orElseThrow();
        assertEquals(new RuntimeFunction(0x1000, 0x1100, parentInfo), unwinder.chainRoot(fragment));
    }

    @Test
    void chainThatRevisitsAnEntryIsAnError() {
        String self = Hex.bytes(new RuntimeFunction(0x2800, 0x2810, 0x3000).encode());
        lab.function(0x2800, 0x2810, "21 00 00 00\n" + self); // first info lands at rva 0x3000
        UnwindException e = assertThrows(UnwindException.class,
                () -> lab.unwinder().unwind(Registers.of(BASE + 0x2804, STACK + 0x100)));
        assertEquals("unwind chain loop: UNWIND_INFO rva 0x3000 revisited after 1 link(s), function rva 0x2800-0x2810"
                + " (image base fffff800`01000000)", e.getMessage());
    }

    @Test
    void chainLongerThanTheDepthLimitIsAnError() {
        int links = X64Unwinder.MAX_CHAIN_DEPTH + 2;
        for (int i = 0; i < links; i++) { // info i at 0x3000 + 16*i chains to info i+1
            String next = Hex.bytes(new RuntimeFunction(0x2000 + i, 0x2001 + i, 0x3000 + 16L * (i + 1)).encode());
            lab.unwindInfo("21 00 00 00\n" + next);
        }
        lab.functions.add(new RuntimeFunction(0x2800, 0x2810, 0x3000));
        UnwindException e = assertThrows(UnwindException.class,
                () -> lab.unwinder().unwind(Registers.of(BASE + 0x2804, STACK + 0x100)));
        assertEquals("unwind chain too deep: more than 32 links, function rva 0x2800-0x2810"
                + " (image base fffff800`01000000)", e.getMessage());
    }

    @Test
    void undefinedOpAndTruncatedCodesAreErrors() {
        lab.function(0x1000, 0x1100, "01 05 02 00  05 0b  00 00  # op 11 is undefined");
        lab.function(0x1100, 0x1200, "01 05 01 00  05 04  00 00  # SAVE_NONVOL needs 2 slots, count is 1");
        X64Unwinder unwinder = lab.unwinder();
        assertEquals("unwind info at fffff800`01003000: code 0 has op 11 info 0, not a defined UWOP",
                assertThrows(UnwindException.class, () -> unwinder.unwind(Registers.of(BASE + 0x1040, STACK))).getMessage());
        assertEquals("unwind info at fffff800`01003008: code 0 (UWOP_SAVE_NONVOL) needs 2 slots, only 1 of 1 left",
                assertThrows(UnwindException.class, () -> unwinder.unwind(Registers.of(BASE + 0x1140, STACK))).getMessage());
    }
}
