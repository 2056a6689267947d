package dev.poolhit.pool.live;

import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.pe.CodeViewInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a live trace file records about its origin: the target's version line and its modules with their PDB identity. */
public final class LiveTraces {
    private LiveTraces() {}

    /** {@code source} as the user connected ({@code "live tcp:127.0.0.1:5555"}); started now by {@code clock}. */
    public static TraceInfo info(KdTarget target, String source, PoolTag tag, Clock clock) {
        Instant now = clock.instant();
        return new TraceInfo(source, target.info().versionLine(), tag, now.getEpochSecond() * 1_000_000_000L + now.getNano(),
                target.info().addressStyle());
    }

    /** The target's modules as the trace file keeps them (feed each to {@code TraceRecorder.moduleLoaded}). */
    public static List<ModuleInfo> modules(KdTarget target) {
        List<ModuleInfo> out = new ArrayList<>();
        for (Module m : target.modules().all()) {
            String pdb = m.codeView().map(CodeViewInfo::pdbFileName).orElse(Missing.TEXT);
            String guid = m.codeView().map(c -> c.symbolKey().substring(0, 32)).orElse(Missing.TEXT);
            int age = m.codeView().map(c -> (int) c.age()).orElse(Missing.INT);
            long stamp = m.timeDateStamp() == 0 ? Missing.LONG : m.timeDateStamp();
            out.add(new ModuleInfo(m.name(), m.base(), m.size(), stamp, pdb, guid, age));
        }
        return out;
    }
}
