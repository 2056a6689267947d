package dev.poolhit.kd.session;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.ContinueArgs;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateArgs;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.RestoreBreakpointArgs;
import dev.poolhit.kd.protocol.StateChange64;
import java.time.Duration;

/**
 * One typed call per manipulate API the product needs, over a {@link KdSession}. Failing NTSTATUS
 * results become {@link KdStatusException} naming the API and status. Same threading rules as the
 * session: one caller thread, except {@link #breakIn()}.
 */
public final class KdClient {
    private final KdSession session;
    private final Duration requestTimeout;
    private final MemoryCalls memory;

    /** @param requestTimeout whole-request deadline for each call (ACK retries are per packet) */
    public KdClient(KdSession session, Duration requestTimeout) {
        this.session = session;
        this.requestTimeout = requestTimeout;
        this.memory = new MemoryCalls(this);
    }

    public KdSession session() {
        return session;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    public GetVersion64 getVersion() throws KdException {
        return GetVersion64.of(call(ManipulateApi.GET_VERSION, 0, null, new byte[0]));
    }

    /** Reads exactly {@code length} bytes, in packet-sized chunks; any failure throws. */
    public byte[] readVirtual(long address, int length) throws KdException {
        return memory.read(ManipulateApi.READ_VIRTUAL_MEMORY, address, length, 0, true);
    }

    /** Reads up to {@code length} bytes, stopping at the first unreadable chunk (may return fewer). */
    public byte[] readVirtualAvailable(long address, int length) throws KdException {
        return memory.read(ManipulateApi.READ_VIRTUAL_MEMORY, address, length, 0, false);
    }

    public void writeVirtual(long address, byte[] data) throws KdException {
        memory.write(ManipulateApi.WRITE_VIRTUAL_MEMORY, address, data);
    }

    /** Physical read; {@code caching}: 0 default, 1 cached, 2 uncached, 3 write-combined. */
    public byte[] readPhysical(long address, int length, int caching) throws KdException {
        return memory.read(ManipulateApi.READ_PHYSICAL_MEMORY, address, length, caching, true);
    }

    public Amd64Context getContext(int processor) throws KdException {
        ManipulateState r = call(ManipulateApi.GET_CONTEXT, processor, new ContextArgs(0), new byte[0]);
        return Amd64Context.decode(r.data());
    }

    /** GetContextEx: {@code length} bytes of the CONTEXT from {@code offset}. */
    public byte[] getContextEx(int processor, int offset, int length) throws KdException {
        ManipulateState r = call(ManipulateApi.GET_CONTEXT_EX, processor, new ContextExArgs(offset, length, 0),
                new byte[0]);
        int copied = ContextExArgs.of(r).bytesCopied();
        if (copied != r.data().length || copied > length) {
            throw new KdProtocolException(String.format(
                    "GetContextEx response length mismatch: requested %d, BytesCopied %d, data %d bytes",
                    length, copied, r.data().length));
        }
        return r.data();
    }

    public void setContext(int processor, Amd64Context context) throws KdException {
        int flags = (int) context.get(Amd64Register.CONTEXT_FLAGS);
        call(ManipulateApi.SET_CONTEXT, processor, new ContextArgs(flags), context.encode());
    }

    public void setContextEx(int processor, int offset, byte[] bytes) throws KdException {
        call(ManipulateApi.SET_CONTEXT_EX, processor, new ContextExArgs(offset, bytes.length, 0), bytes);
    }

    /** ReadControlSpace: AMD64 selectors 0 KPCR, 1 KPRCB, 2 KSPECIAL_REGISTERS, 3 KTHREAD. */
    public byte[] readControlSpace(int processor, long selector, int length) throws KdException {
        return memory.controlRead(processor, selector, length);
    }

    public void writeControlSpace(int processor, long selector, byte[] data) throws KdException {
        memory.controlWrite(processor, selector, data);
    }

    public KSpecialRegisters readSpecialRegisters(int processor) throws KdException {
        return KSpecialRegisters.decode(readControlSpace(processor, KSpecialRegisters.CONTROL_SPACE_SELECTOR,
                KSpecialRegisters.BYTES));
    }

    public void writeSpecialRegisters(int processor, KSpecialRegisters registers) throws KdException {
        writeControlSpace(processor, KSpecialRegisters.CONTROL_SPACE_SELECTOR, registers.encode());
    }

    /** Inserts a software breakpoint; returns the target's handle. */
    public int writeBreakpoint(long address) throws KdException {
        ManipulateState r = call(ManipulateApi.WRITE_BREAKPOINT, 0, new BreakpointArgs(address, 0), new byte[0]);
        return BreakpointArgs.of(r).handle();
    }

    public void restoreBreakpoint(int handle) throws KdException {
        call(ManipulateApi.RESTORE_BREAKPOINT, 0, new RestoreBreakpointArgs(handle), new byte[0]);
    }

    /** DbgKdClearAllInternalBreakpointsApi: acknowledged only, no response. */
    public void clearAllInternalBreakpoints() throws KdException {
        session.sendWithoutResponse(
                ManipulateState.request(ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS, 0, null, new byte[0]));
    }

    /** DbgKdContinueApi; the target runs afterwards. */
    public void continueTarget(int continueStatus) throws KdException {
        session.resume(ManipulateState.request(ManipulateApi.CONTINUE, 0, new ContinueArgs(continueStatus), new byte[0]));
    }

    /** DbgKdContinueApi2 with TraceFlag (single step) and Dr7, no step range; the target runs. */
    public void continue2(int continueStatus, boolean trace, long dr7) throws KdException {
        session.resume(ManipulateState.request(ManipulateApi.CONTINUE2, 0, Continue2Args.of(continueStatus, trace, dr7),
                new byte[0]));
    }

    public StateChange64 awaitStateChange(Duration timeout) throws KdException {
        return session.awaitStateChange(timeout);
    }

    /** {@link KdSession#awaitStop}: the stop, and whether it repeats the continued one after a probe. */
    public ReportedStop awaitStop(Duration timeout) throws KdException {
        return session.awaitStop(timeout);
    }

    public void breakIn() throws KdException {
        session.breakIn();
    }

    /** Sends, waits, and turns a failing status into {@link KdStatusException}. */
    ManipulateState call(ManipulateApi api, int processor, ManipulateArgs args, byte[] data) throws KdException {
        return call(api, processor, args, data, "");
    }

    ManipulateState call(ManipulateApi api, int processor, ManipulateArgs args, byte[] data, String context)
            throws KdException {
        ManipulateState r = session.request(ManipulateState.request(api, processor, args, data), requestTimeout);
        if (!r.succeeded()) {
            throw new KdStatusException(api + context, r.returnStatus());
        }
        return r;
    }

    static String at(long address, int length) {
        return " at " + Hex.u64(address) + " (0x" + Integer.toHexString(length) + " bytes)";
    }
}
