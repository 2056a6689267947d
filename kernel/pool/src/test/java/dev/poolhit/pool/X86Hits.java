package dev.poolhit.pool;

import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.AddressStyle;
import java.util.List;

/** A small trace of an x86 target: addresses sign-extended to u64, as the kd protocol carries them. */
public final class X86Hits {
    public static final long BLOCK = 0xffffffff84a1c008L;
    public static final long THREAD = 0xffffffff85d3e030L;
    public static final long NT_IP = 0xffffffff8296f8a7L;
    /** A frame in no known module: its call site is the bare address. */
    public static final long BARE_IP = 0xffffffff8d401234L;
    public static final long CHILD_EBP = 0xffffffff8dd1fa54L;
    public static final long SITE = 0xffffffff8296f8a2L;

    private X86Hits() {}

    public static Trace trace() {
        List<Frame> stack = List.of(
                Frame.of(CHILD_EBP, BARE_IP, NT_IP, "nt", "ExAllocatePoolWithTag", 0x5a, AddressStyle.X86),
                Frame.of(CHILD_EBP + 0x20, Missing.LONG, BARE_IP, Missing.TEXT, Missing.TEXT, Missing.LONG, AddressStyle.X86));
        Trace t = new Trace(new TraceInfo("test x86", "Windows build 7601 x86 (free), 1 processor, kernel base 82800000",
                TestHits.LEA2, Missing.LONG, AddressStyle.X86));
        t.append(Hit.builder().kind(HitKind.ALLOC).tag(TestHits.LEA2).address(BLOCK).size(0x40).thread(THREAD)
                .process(0xffffffff85c81d40L).site(SITE, Missing.TEXT).frames(stack).build());
        return t;
    }
}
