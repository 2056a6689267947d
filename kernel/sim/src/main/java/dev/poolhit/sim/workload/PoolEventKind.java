package dev.poolhit.sim.workload;

import java.util.Locale;

/** Whether a pool event allocated or freed a block. */
public enum PoolEventKind {
    ALLOC, FREE;

    /** Lower-case name as the product's tables use it ("alloc"/"free"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
