package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.target.unwind.Registers;

/**
 * What {@link RegisterCache} needs of one machine's CONTEXT layout {@code C}: the GetContext and
 * SetContext calls for it, moving its instruction pointer, and its view as {@link Registers}.
 */
interface ContextAccess<C> {
    C fetch(int processor) throws KdException;

    void store(int processor, C context) throws KdException;

    C withInstructionPointer(C context, long address);

    Registers registers(C context);
}
