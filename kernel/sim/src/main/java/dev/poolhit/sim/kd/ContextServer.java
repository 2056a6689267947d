package dev.poolhit.sim.kd;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import java.util.Arrays;

/**
 * The register APIs: Get/SetContext, Get/SetContextEx and AMD64 control space (kd-protocol.md 4.2).
 * SetContext (and SetContextEx) fail until a GetContext (or GetContextEx) happened in this stop,
 * as in ROS-KD64; one instance lives for one stop.
 */
final class ContextServer extends ContextServerBase {
    static final long SELECTOR_KPCR = 0;
    static final long SELECTOR_KPRCB = 1;
    static final long SELECTOR_KSPECIAL = KSpecialRegisters.CONTROL_SPACE_SELECTOR;
    static final long SELECTOR_KTHREAD = 3;

    ContextServer(TargetMachine machine) {
        super(machine);
    }

    @Override
    int contextSize() {
        return Amd64Context.BYTES;
    }

    @Override
    byte[] contextBytes(int processor) {
        return RegisterCodec.encode(machine.context(processor)).encode();
    }

    @Override
    void setContextBytes(int processor, byte[] context) {
        machine.setContext(processor, RegisterCodec.decode(new Amd64Context(context)));
    }

    /** Selectors 0/1/3 give an 8-byte pointer, 2 the 0xE0-byte KSPECIAL_REGISTERS; others fail. */
    @Override
    ManipulateState readControlSpace(ManipulateState r) {
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
    @Override
    ManipulateState writeControlSpace(ManipulateState r) {
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
