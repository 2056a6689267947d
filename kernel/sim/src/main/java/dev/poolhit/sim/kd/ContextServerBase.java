package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.NtStatus;
import java.util.Arrays;

/**
 * What the register APIs share on every machine: the dispatch, Get/SetContext and
 * Get/SetContextEx over the machine's CONTEXT bytes. SetContext (and SetContextEx) fail until a
 * GetContext (or GetContextEx) happened in this stop, as in ROS-KD64/KDX86; one instance lives for
 * one stop. Control space differs per machine (selectors on x64, KPROCESSOR_STATE offsets on x86).
 */
abstract class ContextServerBase implements RegisterServer {
    static final int OK = NtStatus.STATUS_SUCCESS.code();
    static final int FAIL = NtStatus.STATUS_UNSUCCESSFUL.code();
    static final byte[] NONE = new byte[0];

    final TargetMachine machine;
    private boolean contextSent;

    ContextServerBase(TargetMachine machine) {
        this.machine = machine;
    }

    /** The CONTEXT size of this machine (0x4D0 AMD64, 0x2CC x86). */
    abstract int contextSize();

    /** The processor's registers as CONTEXT bytes. */
    abstract byte[] contextBytes(int processor);

    /** Sets the processor's registers from whole CONTEXT bytes. */
    abstract void setContextBytes(int processor, byte[] context);

    abstract ManipulateState readControlSpace(ManipulateState r);

    abstract ManipulateState writeControlSpace(ManipulateState r);

    @Override
    public final ManipulateState handle(ManipulateApi api, ManipulateState r) {
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

    private ManipulateState getContext(ManipulateState r) {
        byte[] context = contextBytes(r.processor());
        contextSent = true;
        return r.respond(OK, null, context);
    }

    private ManipulateState setContext(ManipulateState r) {
        if (!contextSent || r.data().length < contextSize()) {
            return r.respond(FAIL, null, NONE);
        }
        setContextBytes(r.processor(), Arrays.copyOf(r.data(), contextSize()));
        return r.respond(OK, null, NONE);
    }

    private ManipulateState getContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        long count = Integer.toUnsignedLong(a.byteCount());
        if (offset > contextSize()) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        int n = (int) Math.min(Math.min(count, contextSize() - offset), ManipulateState.MAX_DATA);
        byte[] slice = Arrays.copyOfRange(contextBytes(r.processor()), (int) offset, (int) offset + n);
        contextSent = true;
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), n), slice);
    }

    private ManipulateState setContextEx(ManipulateState r) {
        ContextExArgs a = ContextExArgs.of(r);
        long offset = Integer.toUnsignedLong(a.offset());
        long count = Math.min(Integer.toUnsignedLong(a.byteCount()), r.data().length);
        if (!contextSent || offset + count > contextSize()) {
            return r.respond(FAIL, new ContextExArgs(a.offset(), a.byteCount(), 0), NONE);
        }
        byte[] context = contextBytes(r.processor());
        System.arraycopy(r.data(), 0, context, (int) offset, (int) count);
        setContextBytes(r.processor(), context);
        return r.respond(OK, new ContextExArgs(a.offset(), a.byteCount(), (int) count), NONE);
    }
}
