package dev.poolhit.pool.trace;

import dev.poolhit.pool.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Hit}; every value not set stays {@link Missing}. */
public final class HitBuilder {
    private long time = Missing.LONG;
    private HitKind kind = HitKind.UNKNOWN;
    private PoolTag tag;
    private long size = Missing.LONG;
    private long address = Missing.LONG;
    private int processor = Missing.INT;
    private long thread = Missing.LONG;
    private long process = Missing.LONG;
    private long siteAddress = Missing.LONG;
    private String siteSymbol = Missing.TEXT;
    private final List<Frame> frames = new ArrayList<>();

    HitBuilder() {}

    public HitBuilder time(long epochNanos) {
        this.time = epochNanos;
        return this;
    }

    public HitBuilder kind(HitKind kind) {
        this.kind = kind;
        return this;
    }

    public HitBuilder tag(PoolTag tag) {
        this.tag = tag;
        return this;
    }

    public HitBuilder size(long bytes) {
        this.size = bytes;
        return this;
    }

    public HitBuilder address(long blockAddress) {
        this.address = blockAddress;
        return this;
    }

    public HitBuilder processor(int number) {
        this.processor = number;
        return this;
    }

    public HitBuilder thread(long kthread) {
        this.thread = kthread;
        return this;
    }

    public HitBuilder process(long eprocess) {
        this.process = eprocess;
        return this;
    }

    public HitBuilder site(long address, String symbol) {
        this.siteAddress = address;
        this.siteSymbol = symbol;
        return this;
    }

    public HitBuilder frame(Frame frame) {
        frames.add(frame);
        return this;
    }

    public HitBuilder frames(List<Frame> all) {
        frames.addAll(all);
        return this;
    }

    public Hit build() {
        return new Hit(time, kind, tag, size, address, processor, thread, process, siteAddress,
                siteSymbol, frames);
    }
}
