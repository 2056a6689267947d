package dev.poolhit.sim.kd;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import java.util.Arrays;

/**
 * The register APIs: Get/SetContext, Get/SetContextEx and AMD64 control space (kd-protocol.md 4.2).
 * SetContext (and SetContextEx) fail until a GetContext (or GetContextEx) happened in this stop,
 * as in ROS-KD64; one instance lives for one stop.
 */
final class ContextServer implements RegisterServer {
    static final long SELECTOR_KPCR = 0;
    static final long SELECTOR_KPRCB = 1;
    static final long SELECTOR_KSPECIAL = KSpecialRegisters.CONTROL_SPACE_SELECTOR;
    static final long SELECTOR_KTHREAD = 3;
    private static final int OK = NtStatus.STATUS_SUCCESS.code();
    private static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();
    private static final byte[] NONE = new byte[0];

    private final TargetMachine machine;
    private boolean contextSent;

    ContextServer(TargetMachine machine) {
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
        return RegisterCodec.encode(machine.context(processor)).encode();
    }

    private ManipulateState getContext(ManipulateState r) {
        byte[] context = contextBytes(r.processor());
        contextSent = true;
        return r.respond(OK, null, context);
    }

    private ManipulateState setContext(ManipulateState r) {
        if (!contextSent || r.data().length < Amd64Context.BYTES) {
            return r.respond(FAIL, null, NONE);
        }
        Amd64Context context = new Amd64Context(Arrays.copyOf(r.data(), Amd64Context.BYTES));
        machine.setContext(r.processor(), RegisterCodec.decode(context));
        return r.respond(OK, null, NONE);
    }

    private ManipulateState getContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        long count = Integer.toUnsignedLong(a.byteCount());
        if (offset > Amd64Context.BYTES) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        int n = (int) Math.min(Math.min(count, Amd64Context.BYTES - offset), ManipulateState.MAX_DATA);
        byte[] slice = Arrays.copyOfRange(contextBytes(r.processor()), (int) offset, (int) offset + n);
        contextSent = true;
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), n), slice);
    }

    private ManipulateState setContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        long count = Math.min(Integer.toUnsignedLong(a.byteCount()), r.data().length);
        if (!contextSent || offset + count > Amd64Context.BYTES) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        byte[] context = contextBytes(r.processor());
        System.arraycopy(r.data(), 0, context, (int) offset, (int) count);
        machine.setContext(r.processor(), RegisterCodec.decode(new Amd64Context(context)));
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), (int) count), NONE);
    }

    /** Selectors 0/1/3 give an 8-byte pointer, 2 the 0xE0-byte KSPECIAL_REGISTERS; others fail. */
    private ManipulateState readControlSpace(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        byte[] value = controlSpace(a.targetBaseAddress(), r.processor());
        if (value == null) {
            return r.respond(FAIL, new MemoryArgs(a.targetBaseAddress(), a.transferCount(), 0), NONE);
        }
        int n = (int) Math.min(Integer.toUnsignedLong(a.transferCount()), value.length);
        return r.respond(OK, new MemoryArgs(a.targetBaseAddress(), a.transferCount(), n), Arrays.copyOf(value, n));
    }

    private byte[] controlSpace(long selector, int processor) {
        if (selector == SELECTOR_KSPECIAL) {
            return RegisterCodec.encode(machine.specialRegisters(processor)).encode();
        }
        long pointer;
        if (selector == SELECTOR_KPCR) {
            pointer = machine.kpcr(processor);
        } else if (selector == SELECTOR_KPRCB) {
            pointer = machine.kprcb(processor);
        } else if (selector == SELECTOR_KTHREAD) {
            pointer = machine.currentThread(processor);
        } else {
            return null;
        }
        byte[] b = new byte[8];
        LittleEndian.put64(b, 0, pointer);
        return b;
    }

    /** Only selector 2 is writable; a short write replaces the leading bytes of the block. */
    private ManipulateState writeControlSpace(ManipulateState r) {
        MemoryArgs a = MemoryArgs.of(r);
        int n = (int) Math.min(Integer.toUnsignedLong(a.transferCount()), r.data().length);
        if (a.targetBaseAddress() != SELECTOR_KSPECIAL || n > KSpecialRegisters.BYTES) {
            return r.respond(FAIL, new MemoryArgs(a.targetBaseAddress(), a.transferCount(), 0), NONE);
        }
        byte[] block = RegisterCodec.encode(machine.specialRegisters(r.processor())).encode();
        System.arraycopy(r.data(), 0, block, 0, n);
        machine.setSpecialRegisters(r.processor(), RegisterCodec.decode(new KSpecialRegisters(block)));
        return r.respond(OK, new MemoryArgs(a.targetBaseAddress(), a.transferCount(), n), NONE);
    }
}
