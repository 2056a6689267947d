package dev.poolhit.pool.analysis;

import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Pairs each free with the allocation it released, in recording order. A free pairs with the
 * most recent still-unpaired allocation of the same address (addresses are reused once freed).
 * Allocations with no address cannot be paired and are reported apart, not as leaks; frees that
 * find no allocation released a block allocated before the trace started. An allocation whose
 * address is allocated again before any free was seen is still outstanding by that rule, but is
 * flagged {@link #addressReused}: its free was most likely missed.
 */
public final class Pairing {
    private static final int NONE = -1;
    private final int[] partner;
    private final BitSet reused = new BitSet();
    private final int[] outstanding;
    private final PairingSummary summary;

    private Pairing(int[] partner, int[] outstanding, PairingSummary summary) {
        this.partner = partner;
        this.outstanding = outstanding;
        this.summary = summary;
    }

    /** Pairs the hits of {@code trace}; linear in the number of hits. */
    public static Pairing of(TraceSnapshot trace) {
        return new Pairer(trace).run();
    }

    /** The free that released allocation {@code hit}, or the allocation a free released; -1 if none. */
    public int partner(int hit) {
        return partner[hit];
    }

    /** Allocation hits never freed within the trace (address known), in recording order. */
    public int[] outstanding() {
        return outstanding.clone();
    }

    /** Whether the address of allocation {@code hit} was allocated again while it was unpaired. */
    public boolean addressReused(int hit) {
        return reused.get(hit);
    }

    public PairingSummary summary() {
        return summary;
    }

    /** One pass over the hits; kept apart so that {@link Pairing} stays a plain result. */
    private static final class Pairer {
        private final TraceSnapshot t;
        private final int[] partner;
        private final int[] previousAtAddress;
        private final Long2IntOpenHashMap unpairedAt = new Long2IntOpenHashMap();
        private final BitSet reused = new BitSet();
        private int allocs;
        private int frees;
        private int unknownKind;
        private int paired;
        private int allocsNoAddress;
        private int freesNoAddress;
        private int freesBefore;

        Pairer(TraceSnapshot t) {
            this.t = t;
            this.partner = new int[t.size()];
            this.previousAtAddress = new int[t.size()];
            Arrays.fill(partner, NONE);
            unpairedAt.defaultReturnValue(NONE);
        }

        Pairing run() {
            for (int h = 0; h < t.size(); h++) {
                HitKind k = t.kind(h);
                if (k == HitKind.ALLOC) {
                    alloc(h);
                } else if (k == HitKind.FREE) {
                    free(h);
                } else {
                    unknownKind++;
                }
            }
            return finish();
        }

        private void alloc(int h) {
            allocs++;
            long a = t.address(h);
            if (Missing.is(a)) {
                allocsNoAddress++;
                return;
            }
            int previous = unpairedAt.put(a, h);
            previousAtAddress[h] = previous;
            if (previous != NONE) {
                reused.set(previous);
            }
        }

        private void free(int h) {
            frees++;
            long a = t.address(h);
            if (Missing.is(a)) {
                freesNoAddress++;
                return;
            }
            int alloc = unpairedAt.get(a);
            if (alloc == NONE) {
                freesBefore++;
                return;
            }
            partner[alloc] = h;
            partner[h] = alloc;
            paired++;
            int below = previousAtAddress[alloc];
            if (below == NONE) {
                unpairedAt.remove(a);
            } else {
                unpairedAt.put(a, below);
            }
        }

        private Pairing finish() {
            int[] out = new int[allocs - allocsNoAddress - paired];
            int n = 0;
            long bytes = 0;
            int unknownSize = 0;
            for (int h = 0; h < t.size(); h++) {
                if (t.kind(h) == HitKind.ALLOC && !Missing.is(t.address(h)) && partner[h] == NONE) {
                    out[n++] = h;
                    if (Missing.is(t.size(h))) {
                        unknownSize++;
                    } else {
                        bytes += t.size(h);
                    }
                }
            }
            Pairing p = new Pairing(partner, out, new PairingSummary(allocs, frees, unknownKind,
                    paired, out.length, bytes, unknownSize, allocsNoAddress, freesNoAddress,
                    freesBefore));
            p.reused.or(reused);
            return p;
        }
    }
}
