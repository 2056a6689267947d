package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.target.unwind.Registers;

/** Each processor's register context for one break epoch (R7), in one machine's CONTEXT layout. */
interface CpuContexts {
    Registers registers(int processor) throws KdException;

    /** Moves the instruction pointer of a stopped processor; written to the target at once. */
    void setInstructionPointer(int processor, long address) throws KdException;

    /** The target ran: every context is stale. */
    void clear();
}
