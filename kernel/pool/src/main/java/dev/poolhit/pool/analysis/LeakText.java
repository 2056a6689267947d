package dev.poolhit.pool.analysis;

import java.util.List;

/** Renders a {@link LeakReport} as text in the shape of bcc memleak's report. */
final class LeakText {
    private LeakText() {}

    static String render(PairingSummary s, List<LeakStack> top, int n) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d outstanding allocations (%d bytes) of %d allocations, %d frees\n",
                s.outstanding(), s.outstandingBytes(), s.allocs(), s.frees()));
        if (s.outstandingUnknownSize() > 0) {
            out.append(String.format("%d outstanding allocations have no size; their bytes are not counted\n",
                    s.outstandingUnknownSize()));
        }
        if (s.allocsUnknownAddress() > 0) {
            out.append(String.format("%d allocations have no block address: cannot be paired, not counted as leaks\n",
                    s.allocsUnknownAddress()));
        }
        if (s.freesUnknownAddress() > 0) {
            out.append(String.format("%d frees have no block address: cannot be paired\n",
                    s.freesUnknownAddress()));
        }
        if (s.freesBeforeTrace() > 0) {
            out.append(String.format("%d frees released blocks allocated before the trace started\n",
                    s.freesBeforeTrace()));
        }
        if (s.unknownKind() > 0) {
            out.append(String.format("%d hits are neither alloc nor free (kind unknown)\n", s.unknownKind()));
        }
        out.append(String.format("Top %d stacks with outstanding allocations:\n", n));
        for (LeakStack l : top) {
            out.append(String.format("\t%d bytes in %d allocations from stack %d\n",
                    l.bytes(), l.allocations(), l.stackId()));
            for (String site : l.callSites()) {
                out.append("\t\t").append(site).append("\n");
            }
        }
        return out.toString();
    }
}
