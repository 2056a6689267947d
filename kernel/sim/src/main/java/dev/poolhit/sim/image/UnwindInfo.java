package dev.poolhit.sim.image;

import java.util.List;

/**
 * A function's unwind description from {@code .pdata}/{@code .xdata}, decoded by the simulator's
 * own reader: its RVA range and its prolog operations in prolog (execution) order. For a chained
 * fragment (UNW_FLAG_CHAININFO), {@link #prolog} holds the fragment's own codes followed by its
 * parents' (the order an unwinder applies them, reversed), so replaying it lays out the parent's frame.
 *
 * @param beginRva    RUNTIME_FUNCTION.BeginAddress
 * @param endRva      RUNTIME_FUNCTION.EndAddress
 * @param prologSize  SizeOfProlog of the primary (unchained) info
 * @param prolog      operations in the order the prolog executed them
 */
public record UnwindInfo(long beginRva, long endRva, int prologSize, List<UnwindOp> prolog) {
    public UnwindInfo {
        prolog = List.copyOf(prolog);
    }

    /** True when the frame begins with a machine frame pushed by hardware (interrupt/syscall entry). */
    public boolean machineFrame() {
        return prolog.stream().anyMatch(op -> op.kind() == UnwindOp.Kind.PUSH_MACHFRAME);
    }

    public boolean containsRva(long rva) {
        return rva >= beginRva && rva < endRva;
    }
}
