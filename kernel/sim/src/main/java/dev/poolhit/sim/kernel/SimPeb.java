package dev.poolhit.sim.kernel;

import java.util.List;

/**
 * The user process's loader state as written at boot.
 *
 * @param peb     PEB address (EPROCESS.Peb of the process)
 * @param ldr     PEB_LDR_DATA address (PEB.Ldr)
 * @param entries LDR_DATA_TABLE_ENTRY addresses in load order (the executable first)
 */
public record SimPeb(long peb, long ldr, List<Long> entries) {
    public SimPeb {
        entries = List.copyOf(entries);
    }
}
