package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.util.HashMap;
import java.util.Map;

/** Each processor's AMD64 CONTEXT, read once per break epoch (R7) and written through at once. */
final class RegisterCache implements CpuContexts {
    private final KdClient client;
    private final Map<Integer, Amd64Context> contexts = new HashMap<>();

    RegisterCache(KdClient client) {
        this.client = client;
    }

    @Override
    public Registers registers(int processor) throws KdException {
        Amd64Context c = context(processor);
        long[] gpr = new long[Reg.values().length];
        for (Reg r : Reg.values()) {
            gpr[r.ordinal()] = c.get(Amd64Register.valueOf(r.name()));
        }
        return Registers.of(c.rip(), gpr);
    }

    @Override
    public void setInstructionPointer(int processor, long rip) throws KdException {
        Amd64Context changed = context(processor).with(Amd64Register.RIP, rip);
        Uninterrupted.run(() -> {
            client.setContext(processor, changed);
            return null;
        });
        contexts.put(processor, changed);
    }

    @Override
    public void clear() {
        contexts.clear();
    }

    private Amd64Context context(int processor) throws KdException {
        Amd64Context c = contexts.get(processor);
        if (c == null) {
            c = Uninterrupted.call(() -> client.getContext(processor));
            contexts.put(processor, c);
        }
        return c;
    }
}
