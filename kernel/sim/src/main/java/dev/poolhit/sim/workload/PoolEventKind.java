package dev.poolhit.sim.workload;

/** Whether a pool event allocated or freed a block. */
public enum PoolEventKind {
    ALLOC, FREE;

    /** Lower-case name as the product's tables use it ("alloc"/"free"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
