package dev.poolhit.pool.bench;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.HitRow;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a realistic, seeded trace for benchmarks and tests: a leaky driver path that never frees
 * plus ordinary traffic on dozens of call paths that allocate and free (addresses reused after a
 * free, as the pool does), a few allocations whose address was not recovered, and frees of
 * blocks allocated before the trace. Same seed, same trace.
 */
public final class TraceGenerator {
    /** The armed tag of every generated hit. */
    public static final PoolTag TAG = PoolTag.parse("Lea2");
    private static final long START = 1_764_115_200_000_000_000L; // 2025-11-26T00:00:00Z
    private static final long[] SIZES = {0x40, 0x80, 0x100, 0x200, 0x1000, 0x2000};
    private final SplittableRandom random;
    private final Trace trace;
    private final GeneratedPaths paths;
    private final LongArrayList liveAddress = new LongArrayList();
    private final LongArrayList freeList = new LongArrayList();
    private long nextAddress = 0xfffffa8004000000L;
    private long time = START;

    private TraceGenerator(int depth, long seed) {
        this.random = new SplittableRandom(seed);
        this.trace = new Trace(new TraceInfo("generated seed " + seed, "Windows 7 Kernel Version 7601 MP x64 (generated)", TAG, START));
        this.paths = new GeneratedPaths(depth, random);
        for (ModuleInfo m : paths.modules()) {
            trace.addModule(m);
        }
    }

    /** {@code hits} hits with 12-frame stacks. */
    public static Trace generate(int hits, long seed) {
        return generate(hits, 12, seed);
    }

    /** {@code hits} hits with {@code depth}-frame stacks (at least 4). */
    public static Trace generate(int hits, int depth, long seed) {
        if (depth < 4) {
            throw new IllegalArgumentException("depth " + depth + ": expected at least 4 frames");
        }
        TraceGenerator g = new TraceGenerator(depth, seed);
        int[] allocStacks = g.intern(g.paths.allocPaths());
        int[] freeStacks = g.intern(g.paths.freePaths());
        int preTrace = Math.max(1, hits / 1000);
        for (int i = 0; i < preTrace; i++) {
            g.liveAddress.add(0xfffffa8000010000L + 0x1000L * i); // allocated before recording
        }
        for (int h = 0; h < hits; h++) {
            g.time += 1 + g.random.nextInt(200_000);
            boolean free = !g.liveAddress.isEmpty() && g.random.nextInt(100) < 48;
            g.trace.append(free ? g.free(freeStacks) : g.alloc(allocStacks));
        }
        return g.trace;
    }

    private int[] intern(List<List<Frame>> all) {
        int[] ids = new int[all.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = trace.internStack(all.get(i));
        }
        return ids;
    }

    private HitRow alloc(int[] stacks) {
        int path = random.nextInt(stacks.length);
        long size = SIZES[(path + random.nextInt(2)) % SIZES.length];
        long address = freeList.isEmpty() ? bump(size) : freeList.popLong();
        boolean leaky = paths.leaky(path);
        if (random.nextInt(200) == 0) {
            return row(HitKind.ALLOC, size, Missing.LONG, stacks[path], paths.allocPaths().get(path));
        }
        if (!leaky) {
            liveAddress.add(address);
        }
        return row(HitKind.ALLOC, size, address, stacks[path], paths.allocPaths().get(path));
    }

    private HitRow free(int[] stacks) {
        int i = random.nextInt(liveAddress.size());
        long address = liveAddress.getLong(i);
        liveAddress.set(i, liveAddress.getLong(liveAddress.size() - 1));
        liveAddress.popLong();
        freeList.add(address);
        int path = random.nextInt(stacks.length);
        return row(HitKind.FREE, Missing.LONG, address, stacks[path], paths.freePaths().get(path));
    }

    private long bump(long size) {
        long a = nextAddress;
        nextAddress += Math.max(0x10, size + 0x10);
        return a;
    }

    private HitRow row(HitKind kind, long size, long address, int stackId, List<Frame> frames) {
        int thread = random.nextInt(16);
        long stackBase = 0xfffff88004ec2000L + 0x8000L * thread;
        long[] sp = new long[frames.size()];
        for (int f = 0; f < sp.length; f++) {
            sp[f] = f >= sp.length - 3 ? 0x00000000000df4c8L + 0x48L * f : stackBase - 0x90L * (sp.length - f);
        }
        Frame site = frames.get(0);
        return new HitRow(time, kind, Integer.toUnsignedLong(TAG.value()), size, address, thread % 4,
                0xfffffa8003a00000L + 0x1000L * thread, 0xfffffa8003000000L + 0x1000L * (thread % 3),
                site.ip(), site.callSite(), stackId, sp);
    }
}
