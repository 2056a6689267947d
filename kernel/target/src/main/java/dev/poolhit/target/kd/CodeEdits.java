package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.target.memory.CachedMemory;
import dev.poolhit.target.memory.PatchTable;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
    /** WriteBreakPoint sent but never answered (link lost): the target may hold a breakpoint whose handle we lack. */
    private final Map<Long, Byte> unconfirmed = new LinkedHashMap<>();
    private final Set<Long> adopted = new HashSet<>();

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
            if (!(e instanceof KdStatusException)) {
                unconfirmed.put(address, original);
            }
            throw KdErrors.at(address, "breakpoint at " + raw.text(address), e);
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
        } catch (KdStatusException e) {
            if (!adopted.contains(address)) { // an adopted handle may have gone with a removal the old link never heard of
                throw KdErrors.at(address, "removing breakpoint " + handle + " at " + raw.text(address), e);
            }
        } catch (KdException e) {
            throw KdErrors.at(address, "removing breakpoint " + handle + " at " + raw.text(address), e);
        }
        adopted.remove(address);
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
            throw new IllegalStateException("cannot patch " + raw.text(address) + ": our breakpoint sits there; remove it first");
        }
        boolean first = !patches.containsKey(address);
        patches.putIfAbsent(address, original); // before the write: a write lost with the link may still have landed
        table.record(address, original);
        try {
            raw.write(address, new byte[] {value});
        } catch (MemoryAccessException refused) {
            if (first) {
                patches.remove(address);
                table.remove(address);
            }
            throw refused;
        } finally {
            cache.invalidate(address, 1);
        }
    }

    /** Puts the code's own byte back; false when we never patched there. */
    boolean unpatch(long address) {
        Byte original = patches.get(address);
        if (original == null) {
            return false;
        }
        if (breakpoints.containsKey(address)) {
            throw new IllegalStateException("cannot unpatch " + raw.text(address) + ": our breakpoint sits there; remove it first");
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

    /** Breakpoints whose WriteBreakPoint went unanswered when the link died: address to the code's own byte. */
    Map<Long, Byte> unconfirmedBreakpoints() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(unconfirmed));
    }

    Map<Long, Byte> patches() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(patches));
    }

    /** Takes over a breakpoint another link set on this boot: the handle is the target's, not the link's. */
    void adoptBreakpoint(long address, int handle, byte original) {
        breakpoints.put(address, handle);
        adopted.add(address);
        table.record(address, original);
        cache.invalidate(address, 1);
    }

    /** Takes over a patch another link made on this boot. */
    void adoptPatch(long address, byte original) {
        patches.putIfAbsent(address, original);
        table.record(address, original);
        cache.invalidate(address, 1);
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
        unconfirmed.clear();
        adopted.clear();
    }
}
