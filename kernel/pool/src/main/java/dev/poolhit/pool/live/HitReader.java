package dev.poolhit.pool.live;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitBuilder;
import dev.poolhit.pool.trace.HitClassifier;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.stack.StackFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads one PoolHitTag break into a {@link Hit}: time, processor, thread, its process (EPROCESS of
 * the thread's ApcState, when the target layer knows this build's offsets), kind (from the site's
 * owning function and the frame names), the stack (into user mode when the process's modules are
 * known), and size/address from the allocator's and
 * {@code ExFreePoolWithTag}'s home slots when {@link HomeSlots} confirms the spill (x86: their stack
 * arguments, when {@link StackArgs} proves the slot). Nothing guessed.
 */
final class HitReader {
    private final KdTarget target;
    private final Clock clock;
    private final PoolTag tag;
    private final int maxFrames;
    private final HomeSlots slots;
    private final StackArgs stackArgs;
    private final BreakSites sites;

    HitReader(KdTarget target, Clock clock, PoolTag tag, int maxFrames) {
        this.target = target;
        this.clock = clock;
        this.tag = tag;
        this.maxFrames = maxFrames;
        this.slots = new HomeSlots(target);
        this.stackArgs = new StackArgs(target, tag);
        this.sites = new BreakSites(target);
    }

    /** The check site of a breakpoint stop (the caller of the break routine for {@code call DbgBreakPoint} sites). */
    long siteOf(Stop stop) {
        return sites.siteOf(stop);
    }

    /** A hit read at a stop, plus where its allocator returns to (for pairing), if known. */
    record Read(Hit hit, OptionalLong allocatorReturn) {}

    Read read(Stop stop) {
        List<StackFrame> stack = target.stackTrace(maxFrames).frames();
        List<Frame> frames = frames(stack);
        long site = siteOf(stop);
        HitKind kind = HitClassifier.classify(ownerText(site), frames);
        HitBuilder b = Hit.builder().time(epochNanos()).kind(kind).tag(tag).processor(stop.processor())
                .thread(stop.thread()).site(site, target.describe(site).text(target.addressStyle())).frames(frames);
        boolean x86 = target.info() != null && target.info().x86();
        target.thread().ifPresent(t -> b.process(t.process().eprocess()));
        OptionalLong ret = OptionalLong.empty();
        if (kind == HitKind.ALLOC) {
            HomeSlots.Args a = x86 ? stackArgs.allocation(stack) : slots.allocation(stack);
            if (a != null) {
                b.size(a.value());
                ret = a.returnAddress();
            }
        } else if (kind == HitKind.FREE) {
            HomeSlots.Args a = x86 ? stackArgs.free(stack) : slots.free(stack);
            if (a != null) {
                b.address(a.value());
            }
        }
        return new Read(b.build(), ret);
    }

    /** {@code nt!ExFreePoolWithTag} for a stub chained to it; empty text when unknown. */
    String ownerText(long pc) {
        return target.owningFunction(pc).filter(l -> l.function().isPresent() && l.module().isPresent())
                .map(l -> l.module().get() + "!" + l.function().get()).orElse(Missing.TEXT);
    }

    /**
     * Whether the code at {@code pc} belongs to the kernel's pool allocator or free path: by the
     * owning function's name, else (no name for it, e.g. exports only) by the frames above it.
     */
    boolean isPoolRoutine(long pc) {
        if (HitClassifier.classify(ownerText(pc), List.of()) != HitKind.UNKNOWN) {
            return true;
        }
        return HitClassifier.classify(Missing.TEXT, frames(target.stackTrace(HitClassifier.TOP_FRAMES).frames())) != HitKind.UNKNOWN;
    }

    private List<Frame> frames(List<StackFrame> stack) {
        AddressStyle style = target.addressStyle();
        List<Frame> frames = new ArrayList<>(stack.size());
        for (StackFrame f : stack) {
            frames.add(Frame.of(f.childSp(), f.returnAddress().orElse(Missing.LONG), f.instructionPointer(),
                    f.module().orElse(Missing.TEXT), f.function().orElse(Missing.TEXT), f.offset().orElse(Missing.LONG),
                    style));
        }
        return frames;
    }

    private long epochNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
