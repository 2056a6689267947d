package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.analysis.TraceTables;

/**
 * Runtime access to the investigation from Java cells:
 * {@code PoolHit.trace().frames()} gives the last trace's tables,
 * {@code PoolHit.session().machine()} the simulator's ground truth after {@code %connect sim}.
 */
public final class PoolHit {
    private static volatile Investigation current = new Investigation();

    private PoolHit() {}

    /** The investigation the kernel's magics work on. */
    public static Investigation session() {
        return current;
    }

    /** The tables of the last trace ({@code %trace}, {@code %load}, {@code %import-kd-log}). */
    public static TraceTables trace() {
        return current.tables();
    }

    /** A fresh investigation for a freshly started magic provider (a kernel, or a test harness). */
    static Investigation startNew() {
        Investigation next = new Investigation();
        current = next;
        return next;
    }
}
