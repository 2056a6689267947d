package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;

/**
 * The x86 CONTEXT (0x2CC bytes) through {@link MachineCalls}. As {@link Registers} the eight 32-bit
 * registers sit in the slots of their x64 namesakes, which share their encodings (EAX = RAX = 0 ...
 * EDI = RDI = 7); R8-R15 are zero and EIP is the instruction pointer. Values are sign-extended from
 * bit 31 like every x86 address of the model ({@link Arch}); take the low 32 bits where a register
 * holds data.
 */
record X86ContextAccess(MachineCalls calls) implements ContextAccess<X86Context> {
    private static final X86Register[] BY_NUMBER = {X86Register.EAX, X86Register.ECX, X86Register.EDX,
        X86Register.EBX, X86Register.ESP, X86Register.EBP, X86Register.ESI, X86Register.EDI};

    @Override
    public X86Context fetch(int processor) throws KdException {
        return calls.x86Context(processor);
    }

    @Override
    public void store(int processor, X86Context context) throws KdException {
        calls.setX86Context(processor, context);
    }

    @Override
    public X86Context withInstructionPointer(X86Context context, long address) {
        return context.with(X86Register.EIP, address & 0xffffffffL);
    }

    @Override
    public Registers registers(X86Context c) {
        return registersOf(c);
    }

    static Registers registersOf(X86Context c) {
        long[] gpr = new long[Reg.values().length];
        for (int n = 0; n < BY_NUMBER.length; n++) {
            gpr[n] = Arch.canonical32(c.get(BY_NUMBER[n]));
        }
        return Registers.of(Arch.canonical32(c.eip()), gpr);
    }
}
