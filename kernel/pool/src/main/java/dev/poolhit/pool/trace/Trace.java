package dev.poolhit.pool.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A recording of PoolHitTag hits in a compact layout: hits as primitive columns, each distinct
 * call path interned once and referenced by stack id, each hit keeping only its own
 * {@code Child-SP} values. One million hits with 12-frame stacks take about 170 MB.
 *
 * <p>Threads: one producer appends (the recorder, the loader, the importer), any number of
 * readers take {@link #snapshot()}s concurrently; every method is safe to call from any thread.
 */
public final class Trace {
    private final HitColumns hits = new HitColumns();
    private final StackTable stacks = new StackTable();
    private final List<ModuleInfo> modules = new ArrayList<>();
    private TraceInfo info;

    public Trace(TraceInfo info) {
        this.info = info;
    }

    public synchronized TraceInfo info() {
        return info;
    }

    /** Replaces the description (e.g. once the importer has seen the armed tag). */
    public synchronized void info(TraceInfo newInfo) {
        this.info = newInfo;
    }

    /** Appends a hit; returns its number (0 for the first). */
    public synchronized int append(Hit hit) {
        int stackId = stacks.intern(hit.frames());
        long[] sp = new long[hit.frames().size()];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = hit.frames().get(i).childSp();
        }
        long tag = hit.tag() == null ? Missing.LONG : Integer.toUnsignedLong(hit.tag().value());
        return hits.append(new HitRow(hit.time(), hit.kind(), tag, hit.size(), hit.address(),
                hit.processor(), hit.thread(), hit.process(), hit.siteAddress(), hit.siteSymbol(),
                stackId, sp));
    }

    /**
     * Interns a call path (the frames' {@code Child-SP} is ignored) and returns its stack id; ids
     * are dense and given in order of first appearance.
     */
    public synchronized int internStack(List<Frame> frames) {
        return stacks.intern(frames);
    }

    /** Appends a hit whose stack was interned with {@link #internStack}; returns its number. */
    public synchronized int append(HitRow row) {
        if (row.stackId() < 0 || row.stackId() >= stacks.count()) {
            throw new IllegalArgumentException("stack id " + row.stackId() + " not interned (have "
                    + stacks.count() + ")");
        }
        if (row.childSp().length != stacks.depth(row.stackId())) {
            throw new IllegalArgumentException("hit has " + row.childSp().length + " Child-SP values,"
                    + " stack " + row.stackId() + " has " + stacks.depth(row.stackId()) + " frames");
        }
        return hits.append(row);
    }

    public synchronized void addModule(ModuleInfo module) {
        modules.add(module);
    }

    public synchronized int size() {
        return hits.size();
    }

    public synchronized int stackCount() {
        return stacks.count();
    }

    /** Number of frames of an interned stack. */
    public synchronized int stackDepth(int stackId) {
        return stacks.depth(stackId);
    }

    /** A consistent read-only view of everything appended so far. */
    public synchronized TraceSnapshot snapshot() {
        return hits.snapshot(info, modules, stacks.snapshot());
    }
}
