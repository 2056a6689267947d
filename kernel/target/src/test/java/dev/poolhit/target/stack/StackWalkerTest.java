package dev.poolhit.target.stack;

import static dev.poolhit.target.unwind.UnwindLab.BASE;
import static dev.poolhit.target.unwind.UnwindLab.STACK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.AddressRange;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.PublicSymbol;
import dev.poolhit.target.symbol.SymbolSource;
import dev.poolhit.target.symbol.SymbolTable;
import dev.poolhit.target.symbol.Symbolizer;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.unwind.UnwindLab;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole walks over a hand-laid image and stack; every address below is worked out from the layout. */
class StackWalkerTest {
    private final UnwindLab lab = new UnwindLab();
    private final long rsp0 = STACK + 0x100;

    StackWalkerTest() {
        lab.function(0x1000, 0x1100, "01 05 02 00  05 42  01 30   # A: push rbx; sub rsp,28h");
        lab.function(0x1200, 0x1300, "01 04 01 00  04 82  00 00   # B: sub rsp,48h");
        lab.put(rsp0, BASE + 0x1050);               // leaf at 0x2000 returns into A
        lab.put(rsp0 + 8 + 0x28, 0xb0b);            // A's saved rbx
        lab.put(rsp0 + 8 + 0x30, BASE + 0x1250);    // A returns into B
        lab.put(rsp0 + 0x40 + 0x48, 0);             // B's return address: end of stack
    }

    private StackWalker walker(StackLimits limits, Module... more) {
        Module img = Module.of("img", "img.sys", BASE, UnwindLab.IMAGE_SIZE);
        X64Unwinder unwinder = lab.unwinder(more);
        Symbolizer names = new Symbolizer(new ModuleList(List.of(img)), m -> new SymbolTable(SymbolSource.PDB, "t", List.of(
                new PublicSymbol("LeafFn", 0x2000), new PublicSymbol("A", 0x1000), new PublicSymbol("B", 0x1200))),
                Optional.of(unwinder)); // with the .pdata extent rule, as in production
        return new StackWalker(unwinder, names::describe, limits);
    }

    @Test
    void threeFramesToTheEndOfTheStackRenderLikeK() {
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x2000, rsp0), 64);
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason());
        assertEquals("""
                Child-SP          RetAddr           Call Site
                fffff880`04ec0100 fffff800`01001050 img!LeafFn
                fffff880`04ec0108 fffff800`01001250 img!A+0x50
                fffff880`04ec0140 00000000`00000000 img!B+0x50
                """, StackRenderer.k(trace.frames()));
        assertEquals(2, trace.frames().get(2).number());
    }

    @Test
    void depthLimit() {
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x2000, rsp0), 2);
        assertEquals(new StackEnd(StackEnd.Reason.DEPTH_LIMIT, "2 frames"), trace.end());
        assertEquals(2, trace.frames().size());
    }

    @Test
    void callerRspOutsideTheStackLimitsStops() {
        StackLimits limits = new StackLimits(List.of(new AddressRange(STACK, STACK + 0x120)));
        StackTrace trace = walker(limits).trace(Registers.of(BASE + 0x2000, rsp0), 64);
        assertEquals(new StackEnd(StackEnd.Reason.BAD_STACK_POINTER, "caller RSP fffff880`04ec0140 outside the stack limits"
                + " [fffff880`04ec0000 - fffff880`04ec0120]"), trace.end());
        assertEquals(2, trace.frames().size());
    }

    @Test
    void callerRspBelowTheFrameStops() {
        lab.function(0x1800, 0x1900, "01 04 02 05  04 03  01 50   # push rbp; mov rbp,rsp (FrameOffset 0)");
        long rbp = STACK + 0x40; // a frame pointer below RSP: the unwound caller would sit lower on the stack
        lab.put(rbp + 8, BASE + 0x1050);
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x1810, rsp0).with(
                dev.poolhit.target.unwind.Reg.RBP, rbp), 64);
        assertEquals(new StackEnd(StackEnd.Reason.BAD_STACK_POINTER,
                "caller RSP fffff880`04ec0050 not above frame RSP fffff880`04ec0100"), trace.end());
        assertEquals(1, trace.frames().size());
    }

    @Test
    void misalignedCallerRspStops() {
        lab.put(rsp0 + 1, BASE + 0x1050);
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x2000, rsp0 + 1), 64);
        assertEquals(new StackEnd(StackEnd.Reason.BAD_STACK_POINTER,
                "caller RSP fffff880`04ec0109 not 8-byte aligned (frame RSP fffff880`04ec0101)"), trace.end());
    }

    @Test
    void unwindFailureKeepsTheFrameWithAnUnknownReturnAddress() {
        lab.function(0x1400, 0x1500, "03 00 00 00   # version 3 does not exist");
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x1410, rsp0), 64);
        assertEquals(new StackEnd(StackEnd.Reason.UNWIND_FAILED,
                "unwind info at fffff800`01003010: version 3, expected 1 or 2"), trace.end());
        assertEquals("fffff880`04ec0100 ????????`???????? img+0x1410", StackRenderer.row(trace.frames().get(0)));
    }

    @Test
    void kernelToUnknownUserCodeStopsCleanlyAfterTheUserFrame() {
        lab.function(0x1600, 0x1700, "01 01 01 00  01 0a 00 00   # machine frame");
        lab.put(rsp0, 0x7756138aL);
        lab.put(rsp0 + 0x18, 0xdf4c8L);
        StackTrace trace = walker(StackLimits.unknown()).trace(Registers.of(BASE + 0x1610, rsp0), 64);
        assertEquals(new StackEnd(StackEnd.Reason.USER_MODE_UNKNOWN,
                "user-mode return address 00000000`7756138a is in no known module"), trace.end());
        assertEquals("""
                Child-SP          RetAddr           Call Site
                fffff880`04ec0100 00000000`7756138a img+0x1610
                00000000`000df4c8 ????????`???????? 0x00000000`7756138a
                """, StackRenderer.k(trace.frames()));
    }

    @Test
    void kernelToKnownUserModuleContinuesOnTheUserStack() {
        lab.function(0x1600, 0x1700, "01 01 01 00  01 0a 00 00   # machine frame");
        lab.put(rsp0, 0x7756138aL);
        lab.put(rsp0 + 0x18, 0xdf4c8L);
        byte[] userStack = new byte[0x100]; // [0xdf4c8] = 0: ntdll's leaf frame is the last
        lab.memory.map(0xdf400L, userStack);
        StackTrace trace = walker(StackLimits.unknown(), Module.of("ntdll", "ntdll.dll", 0x77500000L, 0x100000))
                .trace(Registers.of(BASE + 0x1610, rsp0), 64);
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason());
        assertEquals(List.of(BASE + 0x1610, 0x7756138aL),
                trace.frames().stream().map(StackFrame::instructionPointer).toList());
        assertEquals(0xdf4c8L, trace.frames().get(1).childSp());
    }

    @Test
    void unknownAddressesAreMissingNotMadeUp() {
        StackFrame f = StackFrame.of(0, 1, java.util.OptionalLong.empty(), Location.unknown(0x10));
        assertEquals(Optional.empty(), f.module());
        assertEquals("0x00000000`00000010", f.callSite());
    }
}
