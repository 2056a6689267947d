package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;

/** The AMD64 CONTEXT through {@link KdClient}; every {@link Reg} has its namesake in the CONTEXT. */
record Amd64ContextAccess(KdClient client) implements ContextAccess<Amd64Context> {
    @Override
    public Amd64Context fetch(int processor) throws KdException {
        return client.getContext(processor);
    }

    @Override
    public void store(int processor, Amd64Context context) throws KdException {
        client.setContext(processor, context);
    }

    @Override
    public Amd64Context withInstructionPointer(Amd64Context context, long address) {
        return context.with(Amd64Register.RIP, address);
    }

    @Override
    public Registers registers(Amd64Context c) {
        long[] gpr = new long[Reg.values().length];
        for (Reg r : Reg.values()) {
            gpr[r.ordinal()] = c.get(Amd64Register.valueOf(r.name()));
        }
        return Registers.of(c.rip(), gpr);
    }
}
