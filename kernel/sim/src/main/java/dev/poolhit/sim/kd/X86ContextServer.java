package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86SpecialRegisters;
import java.util.Arrays;

/**
 * The register APIs of a 32-bit target (kd-protocol.md 12.3, 12.4, ROS-KDX86 semantics): the
 * 0x2CC-byte x86 CONTEXT, and control space as a byte offset into the processor's KPROCESSOR_STATE
 * (CONTEXT then KSPECIAL_REGISTERS at 0x2CC, 0x320 bytes): reads start below 0x320 (length clamped),
 * writes must end within it. SetContext needs a GetContext in the same stop, as on x64.
 */
final class X86ContextServer implements RegisterServer {
    private static final int OK = NtStatus.STATUS_SUCCESS.code();
    private static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();
    private static final byte[] NONE = new byte[0];

    private final TargetMachine machine;
    private boolean contextSent;

    X86ContextServer(TargetMachine machine) {
        this.machine = machine;
    }

    @Override
    public ManipulateState handle(ManipulateApi api, ManipulateState r) {
        if (r.processor() >= machine.processorCount()) {
            return r.respond(FAIL, null, NONE);
        }
        return switch (api) {
            case GET_CONTEXT -> getContext(r);
            case SET_CONTEXT -> setContext(r);
            case GET_CONTEXT_EX -> getContextEx(r);
            case SET_CONTEXT_EX -> setContextEx(r);
            case READ_CONTROL_SPACE -> readControlSpace(r);
            case WRITE_CONTROL_SPACE -> writeControlSpace(r);
            default -> throw new IllegalArgumentException("not a register API: " + api);
        };
    }

    private byte[] contextBytes(int processor) {
        return X86RegisterCodec.encode(machine.context(processor)).encode();
    }

    private ManipulateState getContext(ManipulateState r) {
        contextSent = true;
        return r.respond(OK, null, contextBytes(r.processor()));
    }

    private ManipulateState setContext(ManipulateState r) {
        if (!contextSent || r.data().length < X86Context.BYTES) {
            return r.respond(FAIL, null, NONE);
        }
        X86Context context = new X86Context(Arrays.copyOf(r.data(), X86Context.BYTES));
        machine.setContext(r.processor(), X86RegisterCodec.decode(context));
        return r.respond(OK, null, NONE);
    }

    private ManipulateState getContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        if (offset > X86Context.BYTES) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        long count = Integer.toUnsignedLong(a.byteCount());
        int n = (int) Math.min(Math.min(count, X86Context.BYTES - offset), ManipulateState.MAX_DATA);
        byte[] slice = Arrays.copyOfRange(contextBytes(r.processor()), (int) offset, (int) offset + n);
        contextSent = true;
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), n), slice);
    }

    private ManipulateState setContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        long count = Math.min(Integer.toUnsignedLong(a.byteCount()), r.data().length);
        if (!contextSent || offset + count > X86Context.BYTES) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        byte[] context = contextBytes(r.processor());
        System.arraycopy(r.data(), 0, context, (int) offset, (int) count);
        machine.setContext(r.processor(), X86RegisterCodec.decode(new X86Context(context)));
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), (int) count), NONE);
    }

    /** KPROCESSOR_STATE as the processor holds it: CONTEXT, then KSPECIAL_REGISTERS. */
    private byte[] processorState(int processor) {
        byte[] state = Arrays.copyOf(contextBytes(processor), X86SpecialRegisters.PROCESSOR_STATE_BYTES);
        byte[] special = X86RegisterCodec.encode(machine.specialRegisters(processor)).encode();
        System.arraycopy(special, 0, state, X86Context.BYTES, special.length);
        return state;
    }

    private ManipulateState readControlSpace(ManipulateState r) {
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
    private ManipulateState writeControlSpace(ManipulateState r) {
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
