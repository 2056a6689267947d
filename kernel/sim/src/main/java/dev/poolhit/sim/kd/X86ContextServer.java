package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86SpecialRegisters;
import java.util.Arrays;

/**
 * The register APIs of a 32-bit target (kd-protocol.md 12.3, 12.4, ROS-KDX86 semantics): the
 * 0x2CC-byte x86 CONTEXT, and control space as a byte offset into the processor's KPROCESSOR_STATE
 * (CONTEXT then KSPECIAL_REGISTERS at 0x2CC, 0x320 bytes): reads start below 0x320 (length clamped),
 * writes must end within it. SetContext needs a GetContext in the same stop, as on x64.
 */
final class X86ContextServer extends ContextServerBase {
    X86ContextServer(TargetMachine machine) {
        super(machine);
    }

    @Override
    int contextSize() {
        return X86Context.BYTES;
    }

    @Override
    byte[] contextBytes(int processor) {
        return X86RegisterCodec.encode(machine.context(processor)).encode();
    }

    @Override
    void setContextBytes(int processor, byte[] context) {
        machine.setContext(processor, X86RegisterCodec.decode(new X86Context(context)));
    }

    /** KPROCESSOR_STATE as the processor holds it: CONTEXT, then KSPECIAL_REGISTERS. */
    private byte[] processorState(int processor) {
        byte[] state = Arrays.copyOf(contextBytes(processor), X86SpecialRegisters.PROCESSOR_STATE_BYTES);
        byte[] special = X86RegisterCodec.encode(machine.specialRegisters(processor)).encode();
        System.arraycopy(special, 0, state, X86Context.BYTES, special.length);
        return state;
    }

    @Override
    ManipulateState readControlSpace(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        long offset = a.targetBaseAddress();
        if (!X86SpecialRegisters.readable(offset)) {
            return r.respond(FAIL, new MemoryArgs(offset, a.transferCount(), 0), NONE);
        }
        byte[] state = processorState(r.processor());
        int n = (int) Math.min(Integer.toUnsignedLong(a.transferCount()), state.length - offset);
        n = Math.min(n, ManipulateState.MAX_DATA);
        return r.respond(OK, new MemoryArgs(offset, a.transferCount(), n),
                Arrays.copyOfRange(state, (int) offset, (int) offset + n));
    }

    /** A write inside KPROCESSOR_STATE replaces those bytes of the CONTEXT and/or the special registers. */
    @Override
    ManipulateState writeControlSpace(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        long offset = a.targetBaseAddress();
        int n = (int) Math.min(Integer.toUnsignedLong(a.transferCount()), r.data().length);
        if (!X86SpecialRegisters.writable(offset, n)) {
            return r.respond(FAIL, new MemoryArgs(offset, a.transferCount(), 0), NONE);
        }
        byte[] state = processorState(r.processor());
        System.arraycopy(r.data(), 0, state, (int) offset, n);
        if (offset < X86Context.BYTES) {
            machine.setContext(r.processor(),
                    X86RegisterCodec.decode(new X86Context(Arrays.copyOf(state, X86Context.BYTES))));
        }
        if (offset + n > X86Context.BYTES) {
            byte[] special = Arrays.copyOfRange(state, X86Context.BYTES, state.length);
            machine.setSpecialRegisters(r.processor(), X86RegisterCodec.decode(new X86SpecialRegisters(special),
                    machine.specialRegisters(r.processor())));
        }
        return r.respond(OK, new MemoryArgs(offset, a.transferCount(), n), NONE);
    }
}
