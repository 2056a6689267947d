package dev.poolhit.target.kd;

import dev.poolhit.target.AddressStyle;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.KdSession;
import dev.poolhit.kd.session.SessionState;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.PacketLink;
import dev.poolhit.kd.transport.Transports;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetRunningException;
import dev.poolhit.target.memory.CachedMemory;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.os.OsOffsets;
import dev.poolhit.target.os.ThreadInfo;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.SymbolStatus;
import dev.poolhit.target.symbol.Symbolizer;
import dev.poolhit.target.unwind.Registers;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A live Windows kernel over KD: the debugger model (memory, registers, modules, symbols, stacks,
 * breakpoints, code patches, run control) on top of a {@link KdClient}. The only class family that
 * sees both {@code kd.*} and {@code target.*}: every wire error is translated once, here, into a
 * {@code TargetException} subtype.
 *
 * <pre>
 *   state         allowed calls
 *   BROKEN        memory, registers, stack, breakpoints, patches, resume, step
 *   RUNNING       awaitStop (returns at the next stop), breakIn (any thread)
 *   DISCONNECTED  none (they throw TargetDisconnectedException); close
 * </pre>
 *
 * <p>Threads: one thread drives the target; {@link #breakIn()}, {@link #state()} and
 * {@link #close()} may be called from any other. Caches (memory pages, contexts) live for one
 * break epoch: every resume or step bumps {@link #epoch()} (style rule R7). Load-symbols state
 * changes are continued automatically inside {@link #awaitStop} and update {@link #modules()}.
 * Waiting uses the link's clock.
 */
public final class KdTarget implements AutoCloseable {
    private static final int DBG_EXCEPTION_HANDLED = 0x00010001;
    private static final int DBG_CONTINUE = 0x00010002;
    private static final System.Logger LOG = System.getLogger(KdTarget.class.getName());

    private final KdSession session;
    private final PacketLink link;
    private final KdClient client;
    private final KdClock clock;
    private final KdMemory raw;
    private final CachedMemory memory;
    private final ImageCache images;
    private final CodeEdits edits;
    private final SymbolTables tables;
    private final Arch arch = new Arch();
    private final MachineCalls calls;
    private final CpuContexts registers;
    private final ContinuedStop continues;
    private final CodeViews code;
    private TargetInfo info;
    private volatile ModuleView view;
    private volatile Stop lastStop;
    private volatile boolean lost;
    private final RebootWatch rebootWatch;
    private volatile ProcessViews processes;
    private OptionalLong bootClock = OptionalLong.empty();

    private KdTarget(PacketLink link, KdTargetOptions options) {
        this.session = new KdSession(link, options.session(), options.listener());
        this.link = link;
        this.client = new KdClient(session, options.requestTimeout());
        this.clock = link.clock();
        this.raw = new KdMemory(client, arch);
        this.calls = new MachineCalls(client, arch, options.requestTimeout());
        this.registers = new MachineContexts(arch,
                new RegisterCache<>(new Amd64ContextAccess(client)), new RegisterCache<>(new X86ContextAccess(calls)));
        PatchTable patches = new PatchTable();
        // code, headers and unwind data of loaded images outlive a break epoch; stacks and data do not
        this.images = new ImageCache(raw, patches, ManipulateState.MAX_DATA, this::reboots,
                () -> view == null ? null : view.modules());
        this.memory = new CachedMemory(images, patches, ManipulateState.MAX_DATA);
        this.continues = new ContinuedStop(calls, registers, () -> {
            registers.clear();
            memory.invalidate();
        });
        this.edits = new CodeEdits(client, arch::toWire, raw, memory, patches);
        this.rebootWatch = new RebootWatch(session, edits);
        this.tables = new SymbolTables(options, memory);
        this.code = new CodeViews(arch, memory, tables);
    }

    /** Attaches over an open link: sync, first stop, kernel discovery. The target is BROKEN after. */
    public static KdTarget attach(PacketLink link, KdTargetOptions options) {
        KdTarget t = new KdTarget(link, options);
        try {
            new Attach(t.session, t.client, options, t.clock, t.arch, t.calls).firstStop(t::lastStopFrom);
            t.info = Attach.discover(t.client, t.memory, t.arch, t.session.lastStateChange());
            t.bootClock = EditHandover.bootClock(t.raw, t.info);
            t.processes = new ProcessViews(t.memory, t.info == null ? Optional.empty()
                    : OsOffsets.forBuild(t.info.build(), t.info.machineType()), t.tables);
            t.view = ModuleView.of(t.info == null ? ModuleList.empty() : Attach.modules(t.memory, t.arch, t.info, null),
                    t.memory, t.tables);
            return t;
        } catch (KdException e) {
            t.close();
            throw KdErrors.link("attach to " + link.description(), e);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** Opens a KDCOM byte transport from a spec ({@code tcp:HOST:PORT}, {@code pipe:NAME}, {@code serial:DEV}) and attaches. */
    public static KdTarget open(String spec, KdTargetOptions options) {
        try {
            return attach(KdcomLink.open(Transports.open(spec, options.connectTimeout()), KdClock.system()), options);
        } catch (IOException e) {
            throw new TargetDisconnectedException("cannot open " + spec + ": " + e.getMessage(), e);
        }
    }

    public TargetInfo info() {
        return info;
    }

    /** How this target's addresses print, from GetVersion's machine type: 8 digits on x86 (x64 until it answered). */
    public AddressStyle addressStyle() {
        return arch.style();
    }

    public TargetState state() {
        SessionState s = session.state();
        return lost || s == SessionState.DISCONNECTED || !link.isOpen() ? TargetState.DISCONNECTED
                : s == SessionState.BROKEN ? TargetState.BROKEN : TargetState.RUNNING;
    }

    /** The stop the target is in (empty while running). */
    public Optional<Stop> lastStop() {
        return state() == TargetState.BROKEN ? Optional.ofNullable(lastStop) : Optional.empty();
    }

    /**
     * Reboots noticed since attach: the kernel announced its image again, or the target announced a
     * new stop when it should have answered a request (kd's {@code KdSession#targetRestarts}).
     */
    public int reboots() {
        return rebootWatch.reboots();
    }

    /** The link's wire counters (resends, bad checksums, duplicates dropped...): for {@code %status}. Any thread. */
    public dev.poolhit.kd.session.WireCounters wireCounters() {
        return session.wireCounters();
    }

    /** Break epochs so far: values read in an older epoch are stale. */
    public long epoch() {
        return memory.epoch();
    }

    /** The link's clock, on which every timeout of this target is measured. */
    public KdClock clock() {
        return clock;
    }

    public ModuleList modules() {
        return view.modules();
    }

    public Symbolizer symbolizer() {
        return view.symbolizer();
    }

    /** What symbols each module got so far (PDB, exports or none), once per module. */
    public List<SymbolStatus> symbolStatus() {
        return tables.statuses();
    }

    /** {@code nt!PoolHitTag}, {@code myfault}, or a bare symbol; empty when unknown. */
    public OptionalLong resolve(String expression) {
        return view.symbolizer().resolve(expression);
    }

    /** {@code nt!ExFreePoolWithTag+0x3c}; x86 names undecorated and a cold stub as {@code nt+0x5f40}, as WinDbg. */
    public Location describe(long address) {
        return code.describe(view, processes, address);
    }

    /**
     * The function that owns {@code address}: the start of its .pdata entry's chain root (the parent
     * of a cold fragment such as a PoolHitTag {@code int 3} stub), symbolized. Empty in leaf code.
     * x86 has no .pdata: the public symbol's function, and for a cold {@code int 3; jmp back} stub
     * the function its jump returns into.
     */
    public Optional<Location> owningFunction(long address) {
        return code.owningFunction(view, address);
    }

    /** Target memory for this break epoch, with our breakpoints and patches showing the original bytes. */
    public VirtualMemory memory() {
        return memory;
    }

    public byte[] read(long address, int length) {
        return memory.read(address, length);
    }

    /** Writes data (not code we track: use {@link #patch} for that). */
    public void write(long address, byte[] data) {
        requireBroken("write " + addressStyle().text(address));
        raw.write(address, data);
        images.forget(address, data.length);
        memory.invalidate(address, data.length);
    }

    /** The registers of the processor that stopped. */
    public Registers registers() {
        return registers(requireStop("read registers").processor());
    }

    public Registers registers(int processor) {
        requireBroken("read registers");
        try {
            return registers.registers(processor);
        } catch (KdException e) {
            throw fail("GetContext on processor " + processor, e);
        }
    }

    /** Moves RIP (x86: EIP) of the stopped processor (e.g. past a hard-coded {@code int 3}); written at once. */
    public void setInstructionPointer(long rip) {
        int cpu = requireStop("set RIP").processor();
        try {
            registers.setInstructionPointer(cpu, rip);
            continues.ipMoved(rip);
        } catch (KdException e) {
            throw fail("SetContext on processor " + cpu, e);
        }
    }

    /** CR0-CR4 and the kernel debug registers of the stopped processor (KSPECIAL_REGISTERS of its machine). */
    public ControlRegisters controlRegisters() {
        int cpu = requireStop("read control registers").processor();
        try {
            return Uninterrupted.call(() -> calls.controlRegisters(cpu));
        } catch (KdException e) {
            throw fail("ReadControlSpace on processor " + cpu, e);
        }
    }

    /**
     * The stopped thread's stack: its kernel stack bounds the walk, and past the system-call
     * boundary its process's user-mode modules (PEB loader list) name the frames.
     */
    public StackTrace stackTrace(int maxFrames) {
        Registers regs = registers();
        return code.trace(view, processes, lastStop.thread(), regs, maxFrames);
    }

    /** The stopped thread, its process and kernel stack; empty when this build's offsets are unknown. */
    public Optional<ThreadInfo> thread() {
        return processes.thread(requireStop("read the thread").thread());
    }

    /** Sets a software breakpoint (WriteBreakPoint); a second call for the same address does nothing. */
    public void setBreakpoint(long address) {
        requireBroken("set a breakpoint");
        edits.setBreakpoint(address);
    }

    /** Removes our breakpoint (RestoreBreakPoint); false when there was none. */
    public boolean removeBreakpoint(long address) {
        requireBroken("remove a breakpoint");
        return edits.removeBreakpoint(address);
    }

    /** Our breakpoints: address to the target's handle. */
    public Map<Long, Integer> breakpoints() {
        noticeRestart();
        return edits.breakpoints();
    }

    /** Overwrites one code byte, remembering the original for {@link #unpatch}. */
    public void patch(long address, byte value) {
        requireBroken("patch code");
        edits.patch(address, value);
    }

    public boolean unpatch(long address) {
        requireBroken("unpatch code");
        return edits.unpatch(address);
    }

    /** Our code patches: address to the original byte. */
    public Map<Long, Byte> patches() {
        noticeRestart();
        return edits.patches();
    }

    /** What this target still owes to undo, also after its link was lost: for a new link's {@link #adopt}. */
    public OwedEdits owedEdits() {
        return EditHandover.owed(info, bootClock, edits, memory.patches());
    }

    /** Whether {@code owed} (another link's edits) was made in the boot this target runs; reads target memory. */
    public BootCheck checkBoot(OwedEdits owed) {
        requireBroken("check the boot");
        return EditHandover.check(raw, info, bootClock, owed);
    }

    /**
     * Takes over {@code owed} (check {@link #checkBoot} first): {@link #removeBreakpoint}/{@link #unpatch}
     * undo them here. Returns what it noticed (a breakpoint already removed, a stray handle cleared).
     */
    public List<String> adopt(OwedEdits owed) {
        requireBroken("adopt edits");
        try {
            return EditHandover.adopt(edits, images, raw, client, owed, addressStyle());
        } catch (KdException e) {
            throw fail("adopting the lost link's breakpoints", e);
        } finally {
            memory.invalidate();
        }
    }

    /** Continues the target (handled); the break epoch ends. */
    public void resume() {
        continueWith(false);
    }

    /** Single-steps the stopped processor and waits for the step's stop. */
    public Optional<Stop> step(Duration timeout) {
        continueWith(true);
        return awaitStop(timeout);
    }

    /** Asks a running target to stop; callable from any thread; harmless while broken in. */
    public void breakIn() {
        try {
            session.breakIn();
        } catch (KdException e) {
            throw fail("break-in", e);
        }
    }

    /**
     * Waits until the target stops, continuing load-symbols changes and the echo of a lost continue
     * ({@link ContinuedStop}) meanwhile. Returns the current stop at once when broken in; empty at the
     * deadline, or when the thread is interrupted (its interrupt flag then stays set).
     */
    public Optional<Stop> awaitStop(Duration timeout) {
        requireConnected("wait for a stop");
        if (state() == TargetState.BROKEN) {
            return Optional.ofNullable(lastStop);
        }
        try {
            return new StopWaiter(client, continues, clock, this::onLoadSymbols, DBG_CONTINUE).await(timeout)
                    .map(this::lastStopFrom);
        } catch (KdException e) {
            throw fail("waiting for the target to stop", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    private Stop lastStopFrom(dev.poolhit.kd.protocol.StateChange64 change) {
        lastStop = arch.stopOf(change);
        continues.stopped();
        return lastStop;
    }

    /** A module (un)loaded; the waiter continues right after, which starts a new break epoch. */
    private void onLoadSymbols(dev.poolhit.kd.protocol.StateChange64 change) {
        if (info != null && !change.loadSymbols().unloadSymbols() && arch.fromWire(change.loadSymbols().baseOfDll()) == info.kernBase()) {
            rebootWatch.kernelAnnounced(); // the kernel announces itself only at boot
            processes.forget();
        }
        if (info != null) {
            view = ModuleView.of(Attach.modules(memory, arch, info, view.modules()), memory, tables);
            LOG.log(System.Logger.Level.DEBUG, () -> "module list now " + view.modules().all().size() + " after "
                    + change.loadSymbolsPath());
        }
    }

    private void continueWith(boolean trace) {
        requireStop(trace ? "single-step" : "resume");
        try {
            continues.resume(DBG_EXCEPTION_HANDLED, trace); // every Stop is an exception: WinDbg's 'g'
        } catch (KdException e) {
            throw fail(trace ? "single-step" : "continue", e);
        }
    }

    private Stop requireStop(String what) {
        requireBroken(what);
        return lastStop;
    }

    private void requireBroken(String what) {
        requireConnected(what);
        if (state() != TargetState.BROKEN) {
            throw new TargetRunningException("cannot " + what + ": target is running, expected broken in (break in first)");
        }
    }

    private void requireConnected(String what) {
        noticeRestart();
        if (state() == TargetState.DISCONNECTED) {
            throw new TargetDisconnectedException("cannot " + what + ": target is disconnected");
        }
    }

    /**
     * The target rebooted while it should have answered us (the session saw a new stop instead): our
     * breakpoints and patches went with the old boot; it now sits at its new announcement.
     */
    private synchronized void noticeRestart() {
        if (rebootWatch.takeRestarts()) {
            registers.clear();
            memory.invalidate();
            lastStopFrom(session.lastStateChange());
        }
    }

    private RuntimeException fail(String operation, KdException e) {
        if (rebootWatch.pending()) {
            noticeRestart(); // the link is fine: the target rebooted under this request
        } else if (e instanceof dev.poolhit.kd.protocol.KdInterruptedException) {
            Thread.currentThread().interrupt(); // the caller's interrupt stays visible; the link is still fine
        } else if (!(e instanceof dev.poolhit.kd.protocol.KdStatusException)) {
            lost = true; // what we changed stays listed in breakpoints()/patches(): nobody can undo it now
        }
        return KdErrors.link(operation, e);
    }
}
