package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.KdSession;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.os.OsOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The attach sequence of kd-protocol.md 10.1: break-in, sync, first exception stop, then discovery. */
final class Attach {
    private static final int DBG_CONTINUE = 0x00010002;
    /** How long the target may stay silent after an announcement before we break in again. */
    static final Duration QUIET = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(Attach.class.getName());

    private final KdSession session;
    private final KdClient client;
    private final KdTargetOptions options;
    private final KdClock clock;
    private final Arch arch;
    private final MachineCalls calls;

    Attach(KdSession session, KdClient client, KdTargetOptions options, KdClock clock, Arch arch, MachineCalls calls) {
        this.clock = clock;
        this.session = session;
        this.client = client;
        this.options = options;
        this.arch = arch;
        this.calls = calls;
    }

    /** Syncs and waits for the first exception stop; load-symbols changes before it are continued. */
    void firstStop(Consumer<StateChange64> stopped) throws KdException {
        if (options.breakInOnConnect()) {
            session.breakIn();
        }
        long deadline = clock.deadlineAfter(options.connectTimeout().toNanos());
        StateChange64 change = session.connect(options.connectTimeout(), options.breakInOnConnect());
        // the target serves requests in any state change: the machine decides how to continue it and read it
        arch.adopt(Uninterrupted.call(client::getVersion).targetMachine());
        while (change.is(NewState.LOAD_SYMBOLS)) {
            LOG.log(System.Logger.Level.DEBUG, "load symbols during attach: " + change.loadSymbolsPath());
            calls.continue2(DBG_CONTINUE, false);
            change = nextChange(deadline);
        }
        stopped.accept(change);
    }

    /**
     * The next state change. The break-in sent before sync normally stops the target once its
     * announcements are done; only after a quiet {@link #QUIET} is another break-in sent (a second
     * pending break-in would stop the target again later, unasked).
     */
    private StateChange64 nextChange(long deadline) throws KdException {
        long quiet = Math.min(QUIET.toNanos(), Math.max(1, deadline - clock.nanoTime()));
        try {
            return client.awaitStateChange(Duration.ofNanos(quiet));
        } catch (KdTimeoutException e) {
            if (!options.breakInOnConnect()) {
                throw e;
            }
            session.breakIn();
            return client.awaitStateChange(Duration.ofNanos(Math.max(1, deadline - clock.nanoTime())));
        }
    }

    /** GetVersion, KdDebuggerDataBlock and the processors; null fields never guessed. */
    static TargetInfo discover(KdClient client, VirtualMemory memory, Arch arch, StateChange64 first)
            throws KdException {
        GetVersion64 v = Uninterrupted.call(client::getVersion);
        KernelDiscovery d = new KernelDiscovery(memory, arch);
        KdDebuggerData64 kdbg = d.debuggerData(v);
        long head = arch.fromWire(v.psLoadedModuleList());
        long breakWithStatus = 0;
        long block = 0;
        if (kdbg != null) {
            head = arch.fromWire(kdbg.find(KdDebuggerDataField.PS_LOADED_MODULE_LIST).orElse(head));
            breakWithStatus = arch.fromWire(kdbg.find(KdDebuggerDataField.BREAKPOINT_WITH_STATUS).orElse(0));
            block = arch.pointer(memory, arch.fromWire(v.debuggerDataList()));
        }
        List<String> notes = new ArrayList<>(d.notes());
        if (OsOffsets.forBuild(v.minorVersion(), v.machineType()).isEmpty()) {
            notes.add(OsOffsets.unknownBuildNote(v.minorVersion(), v.machineType()));
        }
        return new TargetInfo(v.majorVersion(), v.minorVersion(), v.machineType(), first.numberProcessors(),
                arch.fromWire(v.kernBase()), head, block, breakWithStatus, notes);
    }

    /** The loaded-module list, reusing {@code previous} modules whose base and size did not change. */
    static ModuleList modules(VirtualMemory memory, Arch arch, TargetInfo info, ModuleList previous) {
        KernelDiscovery d = new KernelDiscovery(memory, arch);
        ModuleList walked = d.modulesShallow(info.psLoadedModuleList(), info.kernBase());
        List<Module> out = new ArrayList<>();
        for (Module m : walked.all()) {
            Module known = previous == null ? null : previous.find(m.base())
                    .filter(p -> p.size() == m.size() && p.imageName().equals(m.imageName())).orElse(null);
            out.add(known != null ? known : d.withHeaders(m));
        }
        d.notes().forEach(n -> LOG.log(System.Logger.Level.INFO, n));
        return new ModuleList(out);
    }
}
