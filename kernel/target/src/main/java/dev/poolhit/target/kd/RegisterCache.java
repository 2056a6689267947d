package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.target.unwind.Registers;
import java.util.HashMap;
import java.util.Map;

/**
 * Each processor's CONTEXT in one machine's layout {@code C} ({@link Amd64ContextAccess},
 * {@link X86ContextAccess}), read once per break epoch (R7) and written through at once.
 */
final class RegisterCache<C> implements CpuContexts {
    private final ContextAccess<C> access;
    private final Map<Integer, C> contexts = new HashMap<>();

    RegisterCache(ContextAccess<C> access) {
        this.access = access;
    }

    @Override
    public Registers registers(int processor) throws KdException {
        return access.registers(context(processor));
    }

    @Override
    public void setInstructionPointer(int processor, long address) throws KdException {
        C changed = access.withInstructionPointer(context(processor), address);
        Uninterrupted.run(() -> {
            access.store(processor, changed);
            return null;
        });
        contexts.put(processor, changed);
    }

    @Override
    public void clear() {
        contexts.clear();
    }

    private C context(int processor) throws KdException {
        C c = contexts.get(processor);
        if (c == null) {
            c = Uninterrupted.call(() -> access.fetch(processor));
            contexts.put(processor, c);
        }
        return c;
    }
}
