package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicCall;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.pool.TagFormatException;
import dev.poolhit.pool.analysis.TraceTables;
import dev.poolhit.pool.live.LiveTraces;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.Strategy;
import dev.poolhit.pool.live.TraceEnd;
import dev.poolhit.pool.live.TraceRequest;
import dev.poolhit.pool.live.TraceResult;
import dev.poolhit.pool.record.TraceRecorder;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.target.kd.KdTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** {@code %poolhittag}, {@code %trace}, {@code %restore}: the PoolHitTag technique, thin over {@code pool.live}. */
final class TraceMagics {
    static final int MAX_HITS = 10_000_000;
    /** A week: longer is a typo, and the trace's deadline in nanoseconds must not overflow. */
    static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
    private final Investigation investigation;

    TraceMagics(Investigation investigation) {
        this.investigation = investigation;
    }

    void register(MagicRegistry registry) {
        registry.register(Magic.line("poolhittag").summary("show or set nt!PoolHitTag").usage("%poolhittag [TAG] [--at ADDR]")
                .option("--at", "ADDR", "address of PoolHitTag when the kernel's PDB is not at hand")
                .help("No TAG: shows the current value, e.g. Lea2 (0x3261654c) or idle (0xffffff0f).\n"
                        + "TAG as Lea2, 'Lea ' (quoted keeps trailing spaces) or 0x3261654c arms it; the value it\n"
                        + "replaces is remembered, and %restore puts it back.")
                .handler(Guard.of("poolhittag", this::poolHitTag)).build());
        registry.register(Magic.line("trace").summary("resume and record N PoolHitTag hits with their stacks")
                .usage("%trace N [--timeout S] [--frames K] [--patch] [--pair] [--into VAR]")
                .option("--timeout", "S", "give up after S seconds (default 600, at most 604800)")
                .option("--frames", "K", "frames per stack (default 64)")
                .flag("--patch", "the manual method: nop over each int 3 plus a breakpoint (default: step RIP past it)")
                .flag("--pair", "also catch each allocation's returned block, so frees pair exactly (%leaks)")
                .bindsResultTo("hits")
                .help("Returns the hits table (hit, time, kind, tag, size, address, ..., stack_id, depth). The whole trace\n"
                        + "stays available: PoolHit.trace().frames(), .stacks(), .outstanding(), and %leaks, %save.\n"
                        + "Interrupt ends it within a second, restores the target and keeps the hits so far. A lost link\n"
                        + "is reopened for up to 10 s and the target restored over it (or the error says what is left).")
                .handler(Guard.of("trace", this::trace)).build());
        registry.register(Magic.line("restore").summary("remove our breakpoints and patches, put PoolHitTag back, resume")
                .help("Idempotent; also run by %disconnect, an interrupted or failed %trace and kernel shutdown.\n"
                        + "When the link was lost it reopens it first (same %connect spec) and restores over the new one.")
                .handler(Guard.of("restore", call -> {
                    call.expectPositionals(0, 0);
                    investigation.connection();
                    return investigation.restore().map(RestoreText::of)
                            .orElse("nothing to restore: PoolHitTag was never located or armed");
                })).build());
    }

    private Object poolHitTag(MagicCall call) {
        call.expectPositionals(0, 1);
        OptionalLong at = call.option("--at").map(a -> OptionalLong.of(Addresses.hex(call, "--at", a)))
                .orElse(OptionalLong.empty());
        PoolTag tag = null;
        if (!call.positionals().isEmpty()) {
            try {
                tag = PoolTag.parse(call.positionals().get(0));
            } catch (TagFormatException e) {
                throw call.usageError(e.getMessage());
            }
        }
        PoolHitTagSession session = investigation.tagSession(at);
        investigation.brokenTarget();
        if (tag == null) {
            return session.current().toString();
        }
        PoolTag previous = session.arm(tag);
        return "PoolHitTag = " + session.current() + " (was " + previous + ")";
    }

    private Object trace(MagicCall call) {
        call.expectPositionals(1, 1);
        TraceRequest request = request(call);
        PoolHitTagSession session = investigation.tagSession(OptionalLong.empty());
        investigation.brokenTarget();
        if (session.armed() == null) {
            throw new InvestigationException("NotArmed", "PoolHitTag is not armed: run %poolhittag TAG first");
        }
        PoolTag now = session.current();
        if (now.value() != session.armed().value()) {
            throw new InvestigationException("NotArmed", "PoolHitTag holds " + now + ", not the armed " + session.armed()
                    + " (%restore puts it back): run %poolhittag TAG again");
        }
        KdTarget target = session.target();
        String source = "live " + investigation.connection().spec().text();
        TraceRecorder recorder = TraceRecorder.inMemory(LiveTraces.info(target, source, session.armed(), Clock.systemUTC()),
                Clock.systemUTC());
        List<ModuleInfo> modules = LiveTraces.modules(target);
        modules.forEach(recorder::moduleLoaded);
        ProgressBar bar = new ProgressBar(request.hits(), System::nanoTime);
        TraceResult result = null;
        investigation.traceStarted(recorder.trace());
        try {
            result = session.trace(request).progress(bar).relink(investigation.relinker()).run(recorder);
        } finally {
            recorder.close();
            investigation.traceFinished(recorder.trace(), result);
        }
        result.relink().ifPresent(investigation::relinked);
        bar.finish(result.hits(), request.hits(), result.end().name().toLowerCase());
        return outcome(result);
    }

    private TraceRequest request(MagicCall call) {
        long n = call.longInRange("N", call.positionals().get(0), 1, MAX_HITS);
        long timeout = call.longOption("--timeout", 600, 1, MAX_TIMEOUT_SECONDS);
        long frames = call.longOption("--frames", 64, 1, 256);
        return TraceRequest.of((int) n).withTimeout(Duration.ofSeconds(timeout)).withMaxFrames((int) frames)
                .withStrategy(call.flag("--patch") ? Strategy.PATCH : Strategy.STEP_OVER).withPair(call.flag("--pair"));
    }

    /** The hits table, or, for an interrupt or failure, one message saying what was kept and restored. */
    private Object outcome(TraceResult result) {
        String kept = result.hits() + " hits kept: PoolHit.trace().hits(), %leaks, %save FILE";
        String restored = result.relink().isPresent() ? "" : result.restore().map(r -> "; " + r.summary()).orElse("");
        if (result.end() == TraceEnd.INTERRUPTED) {
            Thread.interrupted();
            throw new InvestigationException("TraceInterrupted", result.message() + restored + "; " + kept);
        }
        if (result.end() == TraceEnd.LINK_LOST) {
            throw new InvestigationException("LinkLost", result.message() + restored + "; " + kept);
        }
        if (result.end() == TraceEnd.FAILED) {
            throw new InvestigationException("TraceFailed", result.message() + restored + "; " + kept);
        }
        if (result.end() != TraceEnd.COMPLETED) {
            dev.poolhit.jupyter.display.Display.display("trace ended early (" + result.end().name().toLowerCase() + "): "
                    + result.message());
        }
        return TraceTables.of(investigation.lastTrace().orElseThrow()).hits();
    }
}
