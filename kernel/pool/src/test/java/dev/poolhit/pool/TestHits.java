package dev.poolhit.pool;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made hits for tests. */
public final class TestHits {
    public static final PoolTag LEA2 = PoolTag.parse("Lea2");
    public static final List<Frame> LEAKY = stack("nt!ExAllocatePoolWithTag+0x82e", "myfault+0x1634", "nt!IopXxxControlFile+0x607");
    public static final List<Frame> NORMAL = stack("nt!ExAllocatePoolWithTag+0x82e", "ndis+0x2230", "nt!IopXxxControlFile+0x607");
    public static final List<Frame> FREEING = stack("nt!ExFreePoolWithTag+0x167", "ndis+0x2400");

    private TestHits() {}

    /** Frames with call sites {@code module!function+0xoff} or {@code module+0xoff}; addresses made up per index. */
    public static List<Frame> stack(String... callSites) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < callSites.length; i++) {
            String cs = callSites[i];
            int plus = cs.lastIndexOf("+0x");
            long offset = Long.parseLong(cs.substring(plus + 3), 16);
            String symbol = cs.substring(0, plus);
            int bang = symbol.indexOf('!');
            String module = bang < 0 ? symbol : symbol.substring(0, bang);
            String function = bang < 0 ? Missing.TEXT : symbol.substring(bang + 1);
            long ip = 0xfffff80001600000L + 0x1000L * Math.abs(cs.hashCode() % 4096) + offset;
            frames.add(Frame.of(0xfffff88004ec1680L + 0x90L * i, Missing.LONG, ip, module, function, offset));
        }
        List<Frame> linked = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            long ret = i + 1 < frames.size() ? frames.get(i + 1).ip() : 0;
            linked.add(new Frame(f.childSp(), ret, f.ip(), f.module(), f.function(), f.offset(), f.callSite()));
        }
        return linked;
    }

    public static Hit alloc(long address, long size, List<Frame> stack) {
        return Hit.builder().kind(HitKind.ALLOC).tag(LEA2).address(address).size(size).frames(stack).build();
    }

    public static Hit free(long address, List<Frame> stack) {
        return Hit.builder().kind(HitKind.FREE).tag(LEA2).address(address).frames(stack).build();
    }

    public static Trace trace(Hit... hits) {
        Trace t = new Trace(new TraceInfo("test", Missing.TEXT, LEA2, Missing.LONG));
        for (Hit h : hits) {
            t.append(h);
        }
        return t;
    }
}
