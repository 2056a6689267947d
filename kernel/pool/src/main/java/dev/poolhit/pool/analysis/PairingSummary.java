package dev.poolhit.pool.analysis;

/**
 * The counts behind a pairing, so a report can say what could not be paired and why.
 *
 * @param allocs               allocation hits
 * @param frees                free hits
 * @param unknownKind          hits that are neither (kind missing); never paired
 * @param paired               frees matched to an allocation in the trace
 * @param outstanding          allocations with a known address never freed within the trace
 * @param outstandingBytes     their bytes (allocations of unknown size add nothing)
 * @param outstandingUnknownSize outstanding allocations whose size is missing
 * @param allocsUnknownAddress allocations whose block address is missing: cannot be paired and
 *                             are not counted as leaks
 * @param freesUnknownAddress  frees whose block address is missing
 * @param freesBeforeTrace     frees of an address with no unpaired allocation in the trace: the
 *                             block was allocated before recording started
 */
public record PairingSummary(int allocs, int frees, int unknownKind, int paired, int outstanding,
                             long outstandingBytes, int outstandingUnknownSize,
                             int allocsUnknownAddress, int freesUnknownAddress,
                             int freesBeforeTrace) {}
