package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.target.memory.CachedMemory;
import dev.poolhit.target.memory.PatchTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Every change this debugger made to target code: software breakpoints (target handle per
 * address) and byte patches (original byte per address). Both are entered into the
 * {@link PatchTable}, so reads through the cache show the original code; a patch and a breakpoint
 * on the same byte keep the patch's original (the code's own byte). One caller thread.
 */
final class CodeEdits {
    private final KdClient client;
    private final LongUnaryOperator wire;
    private final KdMemory raw;
    private final CachedMemory cache;
    private final PatchTable table;
    private final Map<Long, Integer> breakpoints = new LinkedHashMap<>();
    private final Map<Long, Byte> patches = new LinkedHashMap<>();

    /** @param wire a model address as WriteBreakPoint wants it (x86: sign-extended) */
    CodeEdits(KdClient client, LongUnaryOperator wire, KdMemory raw, CachedMemory cache, PatchTable table) {
        this.client = client;
        this.wire = wire;
        this.raw = raw;
        this.cache = cache;
        this.table = table;
    }

    void setBreakpoint(long address) {
        if (breakpoints.containsKey(address)) {
            return;
        }
        byte original = cache.read(address, 1)[0];
        int handle;
        try {
            handle = Uninterrupted.call(() -> client.writeBreakpoint(wire.applyAsLong(address)));
        } catch (KdException e) {
            throw KdErrors.at(address, "breakpoint at " + Hex.u64(address), e);
        }
        breakpoints.put(address, handle);
        table.record(address, original);
        cache.invalidate(address, 1);
    }

    /** Removes our breakpoint at {@code address}; false when there is none. */
    boolean removeBreakpoint(long address) {
        Integer handle = breakpoints.get(address);
        if (handle == null) {
            return false;
        }
        try {
            Uninterrupted.run(() -> {
                client.restoreBreakpoint(handle);
                return null;
            });
        } catch (KdException e) {
            throw KdErrors.at(address, "removing breakpoint " + handle + " at " + Hex.u64(address), e);
        }
        breakpoints.remove(address);
        if (!patches.containsKey(address)) {
            table.remove(address);
        }
        cache.invalidate(address, 1);
        return true;
    }

    /** Writes {@code value} over one code byte, remembering the code's own byte the first time. */
    void patch(long address, byte value) {
        byte original = cache.read(address, 1)[0];
        if (breakpoints.containsKey(address)) {
            throw new IllegalStateException("cannot patch " + Hex.u64(address) + ": our breakpoint sits there; remove it first");
        }
        raw.write(address, new byte[] {value});
        patches.putIfAbsent(address, original);
        table.record(address, original);
        cache.invalidate(address, 1);
    }

    /** Puts the code's own byte back; false when we never patched there. */
    boolean unpatch(long address) {
        Byte original = patches.get(address);
        if (original == null) {
            return false;
        }
        if (breakpoints.containsKey(address)) {
            throw new IllegalStateException("cannot unpatch " + Hex.u64(address) + ": our breakpoint sits there; remove it first");
        }
        raw.write(address, new byte[] {original});
        patches.remove(address);
        table.remove(address);
        cache.invalidate(address, 1);
        return true;
    }

    Map<Long, Integer> breakpoints() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(breakpoints));
    }

    Map<Long, Byte> patches() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(patches));
    }

    /** Forgets everything without touching the target (the link is gone or the target rebooted). */
    void forget() {
        for (Long a : breakpoints.keySet()) {
            table.remove(a);
        }
        for (Long a : patches.keySet()) {
            table.remove(a);
        }
        breakpoints.clear();
        patches.clear();
    }
}
