package dev.poolhit.pool.trace;

import dev.poolhit.pool.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only, consistent view of a {@link Trace} at one moment: the hits appended before
 * {@link Trace#snapshot()} was called. Cheap to take (the hit columns are shared, not copied) and
 * safe to read from another thread while the recorder keeps appending.
 *
 * <p>Hits are numbered from 0 in recording order; stacks from 0 in order of first appearance.
 * Frame {@code f} of a stack is its {@code f}-th frame, innermost first, as {@code k} numbers them.
 */
public final class TraceSnapshot {
    private final TraceInfo info;
    private final List<ModuleInfo> modules;
    private final int size;
    private final long[] time;
    private final byte[] kind;
    private final long[] tag;
    private final long[] blockSize;
    private final long[] address;
    private final int[] processor;
    private final long[] thread;
    private final long[] process;
    private final int[] site;
    private final List<Site> sites;
    private final int[] stack;
    private final int[] spStart;
    private final long[] childSp;
    private final StackData stacks;
    private static final HitKind[] KINDS = HitKind.values();

    TraceSnapshot(TraceInfo info, List<ModuleInfo> modules, int size, long[] time, byte[] kind,
                  long[] tag, long[] blockSize, long[] address, int[] processor, long[] thread,
                  long[] process, int[] site, List<Site> sites, int[] stack, int[] spStart,
                  long[] childSp, StackData stacks) {
        this.info = info;
        this.modules = modules;
        this.size = size;
        this.time = time;
        this.kind = kind;
        this.tag = tag;
        this.blockSize = blockSize;
        this.address = address;
        this.processor = processor;
        this.thread = thread;
        this.process = process;
        this.site = site;
        this.sites = sites;
        this.stack = stack;
        this.spStart = spStart;
        this.childSp = childSp;
        this.stacks = stacks;
    }

    public TraceInfo info() { return info; }
    public List<ModuleInfo> modules() { return modules; }
    /** Number of hits. */
    public int size() { return size; }
    public long time(int hit) { return time[check(hit)]; }
    public HitKind kind(int hit) { return KINDS[kind[check(hit)]]; }
    /** The tag value as an unsigned number, or {@link Missing#LONG}. */
    public long tagValue(int hit) { return tag[check(hit)]; }
    public long size(int hit) { return blockSize[check(hit)]; }
    public long address(int hit) { return address[check(hit)]; }
    public int processor(int hit) { return processor[check(hit)]; }
    public long thread(int hit) { return thread[check(hit)]; }
    public long process(int hit) { return process[check(hit)]; }
    public long siteAddress(int hit) { return sites.get(site[check(hit)]).address(); }
    public String siteSymbol(int hit) { return sites.get(site[check(hit)]).symbol(); }
    public int stackId(int hit) { return stack[check(hit)]; }
    public int depth(int hit) { return stackDepth(stack[check(hit)]); }

    /** The tag, or {@code null} when not recorded. */
    public PoolTag tag(int hit) {
        long t = tagValue(hit);
        return Missing.is(t) ? null : PoolTag.of((int) t);
    }

    /** What the {@code site} column shows: the symbol, else the address, else missing. */
    public String siteText(int hit) {
        Site s = sites.get(site[check(hit)]);
        if (!Missing.is(s.symbol())) {
            return s.symbol();
        }
        return Missing.is(s.address()) ? Missing.TEXT : info.addressStyle().text(s.address());
    }

    /** {@code Child-SP} of frame {@code frame} of hit {@code hit}. */
    public long childSp(int hit, int frame) {
        if (frame < 0 || frame >= depth(hit)) {
            throw new IndexOutOfBoundsException("frame " + frame + " of hit " + hit);
        }
        return childSp[spStart[hit] + frame];
    }

    public int stackCount() { return stacks.stackStart().length; }
    public int stackDepth(int stackId) { return stacks.stackDepth()[stackId]; }
    public long returnAddress(int stackId, int frame) { return stacks.returnAddress()[frameId(stackId, frame)]; }
    public long ip(int stackId, int frame) { return stacks.ip()[frameId(stackId, frame)]; }
    public long offset(int stackId, int frame) { return stacks.offset()[frameId(stackId, frame)]; }
    public String module(int stackId, int frame) { return text(stacks.module(), stackId, frame); }
    public String function(int stackId, int frame) { return text(stacks.function(), stackId, frame); }
    public String callSite(int stackId, int frame) { return text(stacks.callSite(), stackId, frame); }

    /** The frames of a stack; their {@code Child-SP} is missing (it belongs to each hit). */
    public List<Frame> stackFrames(int stackId) {
        List<Frame> out = new ArrayList<>(stackDepth(stackId));
        for (int f = 0; f < stackDepth(stackId); f++) {
            out.add(new Frame(Missing.LONG, returnAddress(stackId, f), ip(stackId, f),
                    module(stackId, f), function(stackId, f), offset(stackId, f), callSite(stackId, f)));
        }
        return out;
    }

    /**
     * The stack as one line, its call sites innermost first joined by {@code " < "} (read "called
     * from"); the empty stack is missing text.
     */
    public String signature(int stackId) {
        StringBuilder out = new StringBuilder();
        for (int f = 0; f < stackDepth(stackId); f++) {
            if (f > 0) {
                out.append(" < ");
            }
            String cs = callSite(stackId, f);
            out.append(cs.isEmpty() ? "?" : cs);
        }
        return out.toString();
    }

    /** The hit as recorded, frames included. */
    public Hit hit(int hit) {
        int s = stackId(hit);
        List<Frame> frames = new ArrayList<>(stackDepth(s));
        for (int f = 0; f < stackDepth(s); f++) {
            frames.add(new Frame(childSp(hit, f), returnAddress(s, f), ip(s, f), module(s, f),
                    function(s, f), offset(s, f), callSite(s, f)));
        }
        return new Hit(time(hit), kind(hit), tag(hit), size(hit), address(hit), processor(hit),
                thread(hit), process(hit), siteAddress(hit), siteSymbol(hit), frames);
    }

    private int frameId(int stackId, int frame) {
        if (frame < 0 || frame >= stackDepth(stackId)) {
            throw new IndexOutOfBoundsException("frame " + frame + " of stack " + stackId);
        }
        return stacks.stackFrames()[stacks.stackStart()[stackId] + frame];
    }

    private String text(int[] ids, int stackId, int frame) {
        return stacks.strings()[ids[frameId(stackId, frame)]];
    }

    private int check(int hit) {
        if (hit < 0 || hit >= size) {
            throw new IndexOutOfBoundsException("hit " + hit + " of " + size);
        }
        return hit;
    }
}
