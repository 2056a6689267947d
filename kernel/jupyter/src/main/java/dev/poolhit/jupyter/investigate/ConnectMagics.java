package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicCall;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.pool.live.RelinkResult;
import dev.poolhit.target.SymbolException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.TargetState;
import dev.poolhit.target.symbol.SymbolPath;
import dev.poolhit.target.symbol.SymbolStatus;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** {@code %connect}, {@code %disconnect}, {@code %status}, {@code %symbols}. */
final class ConnectMagics {
    private final Investigation investigation;

    ConnectMagics(Investigation investigation) {
        this.investigation = investigation;
    }

    void register(MagicRegistry registry) {
        registry.register(Magic.line("connect").summary("attach to a Windows kernel over KD (or the built-in simulator)")
                .usage("%connect SPEC [--symbols PATH] [--wire-log] [--at ADDR]")
                .option("--symbols", "PATH", "symbol path: folders, srv*CACHE*URL (default _NT_SYMBOL_PATH)")
                .flag("--wire-log", "log every KD packet (INFO on the WireLogLink logger) and count them in %status")
                .option("--at", "ADDR", "address of nt!PoolHitTag, for a kernel without its PDB at hand")
                .help("SPEC: sim (built-in simulated Windows 7 SP1 target, in-process; sim:PARAMS with PARAMS from\n"
                        + "net (a KDNET target on loopback UDP), x86 (the 32-bit machine), boot (attach at boot: a\n"
                        + "load-symbols stop per module, continued for you), drivers=N (extra boot drivers), seed=N,\n"
                        + "rate=EVENTS_PER_S, cut=N (drops the link after N packets, for trying a lost link)),\n"
                        + "tcp:HOST:PORT (KDCOM over a VM's serial port),\n"
                        + "tcp-listen:PORT, pipe:NAME, serial:DEVICE[,BAUD], net:port=50000,key=w.x.y.z[,host=IP][,target=IP]\n"
                        + "(KDNET, as bcdedit /dbgsettings net; key=env:NAME or POOLHIT_KDNET_KEY keeps the key out of the\n"
                        + "notebook, and it is never shown). Prints the target's build, kernel base, modules,\n"
                        + "symbol status per module and whether nt!PoolHitTag was located. The target stays broken in.")
                .handler(Guard.of("connect", this::connect)).build());
        registry.register(Magic.line("disconnect").summary("restore the target, then detach")
                .help("Runs %restore first (PoolHitTag back, our breakpoints and patches removed, target resumed).")
                .handler(Guard.of("disconnect", this::disconnect)).build());
        registry.register(Magic.line("status").summary("connection, target state, armed tag, our breakpoints, hits")
                .handler(Guard.of("status", call -> {
                    call.expectPositionals(0, 0);
                    return StatusText.of(investigation);
                })).build());
        registry.register(Magic.line("symbols").summary("modules and where their symbols came from (PDB, exports, none)")
                .bindsResultTo("symbols")
                .handler(Guard.of("symbols", call -> {
                    call.expectPositionals(0, 0);
                    KdTarget target = investigation.target();
                    loadSymbols(target);
                    return DebugTables.symbols(target.modules().all(), target.symbolStatus(), target.addressStyle());
                })).build());
    }

    private Object connect(MagicCall call) {
        call.expectPositionals(1, 1);
        ConnectSpec spec;
        try {
            spec = ConnectSpec.parse(call.positionals().get(0));
        } catch (IllegalArgumentException e) {
            throw call.usageError(e.getMessage());
        }
        OptionalLong at = call.option("--at").map(a -> OptionalLong.of(Addresses.hex(call, "--at", a)))
                .orElse(OptionalLong.empty());
        if (investigation.connected() && investigation.target().state() == TargetState.DISCONNECTED) {
            investigation.dropLostConnection(); // its link is gone: what it left on the target is restored below
        }
        if (investigation.connected()) {
            throw new InvestigationException("AlreadyConnected", "already connected to "
                    + investigation.connection().spec().text() + ": %disconnect first");
        }
        Connection connection;
        try {
            connection = Connection.open(spec, symbolPath(call, spec), call.flag("--wire-log"));
        } catch (IllegalArgumentException e) {
            throw call.usageError(e.getMessage());
        } catch (TargetDisconnectedException e) {
            // not "the link is gone; %disconnect": there never was a link, and nothing is attached
            throw new InvestigationException("ConnectFailed", e.getMessage() + ": nothing attached; check SPEC and that"
                    + " the target is waiting for a debugger, then %connect again");
        }
        investigation.attached(connection, at);
        Optional<String> owed = investigation.restoreOwed().map(RestoreText::of);
        return summary(connection, at) + owed.map(text -> "\n" + text).orElse("");
    }

    private static SymbolPath symbolPath(MagicCall call, ConnectSpec spec) {
        Optional<String> text = call.option("--symbols");
        if (text.isEmpty() && spec.sim()) {
            text = Optional.of(SimSymbols.folder(spec.knobs().x86()).toString());
        }
        if (text.isEmpty()) {
            text = Optional.ofNullable(System.getenv("_NT_SYMBOL_PATH"));
        }
        try {
            return SymbolPath.parse(text.orElse(""), Connection.defaultSymbolCache());
        } catch (SymbolException | IllegalArgumentException e) {
            throw call.usageError("--symbols: " + e.getMessage());
        }
    }

    /** Symbols load on first use; looking up each module's base makes every module say what it found. */
    private static void loadSymbols(KdTarget target) {
        target.modules().all().forEach(m -> target.describe(m.base()));
    }

    private String summary(Connection connection, OptionalLong at) {
        KdTarget target = connection.target();
        loadSymbols(target);
        StringBuilder out = new StringBuilder("connected to ").append(connection.spec().text()).append('\n');
        out.append(target.info() == null ? "target did not describe itself (no KdDebuggerDataBlock)"
                : target.info().versionLine()).append('\n');
        out.append(target.modules().all().size()).append(" modules: ")
                .append(target.modules().all().stream().map(m -> m.name()).collect(Collectors.joining(", "))).append('\n');
        for (SymbolStatus s : target.symbolStatus()) {
            out.append("  symbols ").append(s).append('\n');
        }
        out.append(poolHitTagLine(at)).append('\n');
        out.append("target is broken in; next: %poolhittag TAG, then %trace N");
        return out.toString();
    }

    private String poolHitTagLine(OptionalLong at) {
        try {
            PoolHitTagSession session = investigation.tagSession(at);
            return "PoolHitTag: " + session.locatedBy() + " at "
                    + session.target().addressStyle().text(session.address())
                    + " holds " + session.current();
        } catch (SymbolException | InvestigationException e) { // no PDB, or an --at wider than the target's pointers
            return "PoolHitTag: not located (" + e.getMessage() + ")";
        }
    }

    private Object disconnect(MagicCall call) {
        call.expectPositionals(0, 0);
        String what = investigation.connection().spec().text();
        Optional<RelinkResult> report = investigation.disconnect();
        return "disconnected from " + what + report.map(r -> "\n" + RestoreText.of(r)).orElse("");
    }
}
