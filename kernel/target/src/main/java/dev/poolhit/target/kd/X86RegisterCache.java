package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.util.HashMap;
import java.util.Map;

/**
 * Each processor's x86 CONTEXT (0x2CC bytes), read once per break epoch and written through at
 * once. As {@link Registers} the eight 32-bit registers sit in the slots of their x64 namesakes,
 * which share their encodings (EAX = RAX = 0 ... EDI = RDI = 7); R8-R15 are zero and EIP is the
 * instruction pointer. Values are sign-extended from bit 31 like every x86 address of the model
 * ({@link Arch}); take the low 32 bits where a register holds data.
 */
final class X86RegisterCache implements CpuContexts {
    private static final X86Register[] BY_NUMBER = {X86Register.EAX, X86Register.ECX, X86Register.EDX,
        X86Register.EBX, X86Register.ESP, X86Register.EBP, X86Register.ESI, X86Register.EDI};

    private final MachineCalls calls;
    private final Map<Integer, X86Context> contexts = new HashMap<>();

    X86RegisterCache(MachineCalls calls) {
        this.calls = calls;
    }

    @Override
    public Registers registers(int processor) throws KdException {
        return registersOf(context(processor));
    }

    static Registers registersOf(X86Context c) {
        long[] gpr = new long[Reg.values().length];
        for (int n = 0; n < BY_NUMBER.length; n++) {
            gpr[n] = Arch.canonical32(c.get(BY_NUMBER[n]));
        }
        return Registers.of(Arch.canonical32(c.eip()), gpr);
    }

    @Override
    public void setInstructionPointer(int processor, long address) throws KdException {
        X86Context changed = context(processor).with(X86Register.EIP, address & 0xffffffffL);
        Uninterrupted.run(() -> {
            calls.setX86Context(processor, changed);
            return null;
        });
        contexts.put(processor, changed);
    }

    @Override
    public void clear() {
        contexts.clear();
    }

    private X86Context context(int processor) throws KdException {
        X86Context c = contexts.get(processor);
        if (c == null) {
            c = Uninterrupted.call(() -> calls.x86Context(processor));
            contexts.put(processor, c);
        }
        return c;
    }
}
