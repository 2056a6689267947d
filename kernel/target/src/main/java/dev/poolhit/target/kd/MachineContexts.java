package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.target.unwind.Registers;

/** The contexts of the machine GetVersion named: a {@link RegisterCache} over AMD64 or x86 CONTEXTs. */
final class MachineContexts implements CpuContexts {
    private final Arch arch;
    private final CpuContexts amd64;
    private final CpuContexts x86;

    MachineContexts(Arch arch, CpuContexts amd64, CpuContexts x86) {
        this.arch = arch;
        this.amd64 = amd64;
        this.x86 = x86;
    }

    @Override
    public Registers registers(int processor) throws KdException {
        return current().registers(processor);
    }

    @Override
    public void setInstructionPointer(int processor, long address) throws KdException {
        current().setInstructionPointer(processor, address);
    }

    @Override
    public void clear() {
        amd64.clear();
        x86.clear();
    }

    private CpuContexts current() {
        return arch.x86() ? x86 : amd64;
    }
}
