package dev.poolhit.target.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** x86 {@code k}: ChildEBP/RetAddr with 8 digits, raw 8-digit IPs, WinDbg's warning after a scanned frame. */
class X86StackRendererTest {
    private static StackFrame frame(int n, long ebp, OptionalLong ret, Location site, UnwindMethod method) {
        return StackFrame.of(n, ebp, ret, site, Machine.X86, Optional.ofNullable(method));
    }

    private static Location named(long ip, String module, String function, long offset) {
        return new Location(ip, Optional.of(module), Optional.of(function), OptionalLong.of(offset));
    }

    @Test
    void columnsMarkersAndUnknowns() {
        List<StackFrame> frames = List.of(
                frame(0, 0xffffffffa8d1fe70L, OptionalLong.of(0xffffffff828018c2L), Location.unknown(0x1234), UnwindMethod.SCAN),
                frame(1, 0xffffffffa8d1fe78L, OptionalLong.of(0xffffffff828018e3L),
                        named(0xffffffff828018c2L, "nt", "KdCheckForDebugBreak", 0x22), UnwindMethod.FRAME_DATA),
                frame(2, 0xffffffffa8d1fe7cL, OptionalLong.empty(), new Location(0xffffffff828018e3L, Optional.of("nt"),
                        Optional.empty(), OptionalLong.of(0x18e3)), null));
        assertEquals("""
                ChildEBP RetAddr
                a8d1fe70 828018c2 0x00001234
                WARNING: Stack unwind information not available. Following frames may be wrong.
                a8d1fe78 828018e3 nt!KdCheckForDebugBreak+0x22
                a8d1fe7c ???????? nt+0x18e3
                """, StackRenderer.k(frames));
    }

    @Test
    void x64FramesKeepTheirColumnsAndHaveNoMethod() {
        StackFrame x64 = StackFrame.of(0, 0xfffff88004ec1860L, OptionalLong.of(0), Location.unknown(0x10));
        assertEquals(Machine.X64, x64.machine());
        assertEquals(Optional.empty(), x64.method());
        assertEquals("fffff880`04ec1860 00000000`00000000 0x00000000`00000010", StackRenderer.row(x64));
    }
}
