package dev.poolhit.sim.machine;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kernel.KdVersion;
import dev.poolhit.sim.kernel.KernelState;
import dev.poolhit.sim.kernel.SimProcessor;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.memory.SparseMemory;
import dev.poolhit.sim.workload.GroundTruthLog;
import dev.poolhit.sim.workload.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated Windows 7 SP1 x64 or x86 (PAE) machine as a kernel debugger sees it: memory with real PE images
 * and kernel structures, processors with contexts, the debugger's breakpoint table, and a seeded
 * pool workload that stops on PoolHitTag check sites and breakpoints. This is the API the KD
 * adapter (target side of the wire) calls; see kernel/sim/README.md for the mapping per manipulate API.
 *
 * <p>Threads: manipulate methods are synchronized; {@link #requestBreakIn} and the read-only views
 * ({@link #state}, {@link #bootCount}, {@link #groundTruth}, {@link #kernel}, {@link #images},
 * {@link #version}, {@link #bootWrites}) may be called from any thread at any time. {@link #run} executes on the caller's thread and holds the lock until it
 * returns (a stop, a break-in, or its event budget used up), so while one thread runs the machine
 * other calls wait, as a real target does not answer while running.
 *
 * <table><caption>states</caption>
 * <tr><th>state</th><th>valid calls</th><th>leaves by</th></tr>
 * <tr><td>RUNNING (after boot/reboot)</td><td>run, requestBreakIn</td><td>a stop returned by run</td></tr>
 * <tr><td>BROKEN</td><td>memory, contexts, breakpoints, resume</td><td>resume</td></tr>
 * </table>
 */
public final class Machine {
    private final MachineConfig config;
    private final ImageSet images;
    private final Ticker ticker;
    private final MachineCpu cpu = new MachineCpu();
    private volatile boolean breakInRequested;
    private volatile Thread runner;
    private volatile BootState boot;
    private BreakpointTable breakpoints;
    private volatile GroundTruthLog truth;
    private Executor executor;
    private volatile MachineState state;
    private StopEvent lastStop;
    private boolean trace;
    private long bootNanos;
    private Pacer pacer;
    private volatile int bootCount;
    private LateDrivers lateDrivers;

    private Machine(MachineConfig config, ImageSet images, Ticker ticker) {
        this.config = config;
        this.images = images;
        this.ticker = ticker;
        powerOn();
    }

    /** Boots a machine; it starts RUNNING, as a target the debugger attaches to (break in to stop it). */
    public static Machine boot(MachineConfig config, ImageSet images, Ticker ticker) {
        return new Machine(config, images, ticker);
    }

    /** Boots the configured architecture's images from the classpath with the real clock ({@code %connect sim}). */
    public static Machine boot(MachineConfig config) {
        return new Machine(config, ImageSet.fromClasspath(config.architecture()), Ticker.system());
    }

    private void powerOn() {
        boot = Boot.boot(images, config);
        breakpoints = new BreakpointTable(boot.memory());
        truth = new GroundTruthLog();
        Workload workload = new Workload(config.seed(), config.mix(), images, boot.nonPagedPool(), boot.pagedPool(),
                config.processors(), boot.kernel().workers().size());
        executor = new Executor(this, workload, truth);
        lateDrivers = new LateDrivers(config);
        cpu.reset(boot);
        state = MachineState.RUNNING;
        lastStop = null;
        trace = false;
        bootNanos = ticker.nanoTime();
        pacer = new Pacer(ticker, config.eventsPerSecond());
        bootCount++;
    }

    /** ReadVirtualMemory: copies what is mapped (debugger breakpoints read as 0xCC); returns the count. */
    public synchronized int readVirtual(long address, byte[] into, int offset, int length) {
        return boot.memory().read(address, into, offset, length);
    }

    /** WriteVirtualMemory: writes what is mapped; returns the count. */
    public synchronized int writeVirtual(long address, byte[] from, int offset, int length) {
        return boot.memory().write(address, from, offset, length);
    }

    /** Reads with the debugger's breakpoints hidden (original bytes), for the state change's instruction stream. */
    public synchronized int readOriginal(long address, byte[] into, int offset, int length) {
        return breakpoints.readOriginal(address, into, offset, length);
    }

    public KdVersion version() {
        return boot.kernel().version();
    }

    public int processorCount() {
        return config.processors();
    }

    public synchronized Context context(int processor) {
        return cpu.context(checkProcessor(processor));
    }

    public synchronized void setContext(int processor, Context context) {
        requireBroken("SetContext");
        cpu.setContext(checkProcessor(processor), context);
    }

    public synchronized SpecialRegisters specialRegisters(int processor) {
        return cpu.special(checkProcessor(processor));
    }

    public synchronized void setSpecialRegisters(int processor, SpecialRegisters registers) {
        requireBroken("WriteControlSpace");
        cpu.setSpecial(checkProcessor(processor), registers);
    }

    /** ReadControlSpace selector 0: the processor's KPCR. */
    public synchronized long kpcr(int processor) {
        return processor(processor).kpcr();
    }

    /** ReadControlSpace selector 1: the processor's KPRCB. */
    public synchronized long kprcb(int processor) {
        return processor(processor).kprcb();
    }

    /** ReadControlSpace selector 3: the KTHREAD running on the processor (KPRCB.CurrentThread). */
    public synchronized long currentThread(int processor) {
        return MachineCpu.currentThread(boot, processor(processor));
    }

    /** WriteBreakPoint: handle (1..32) or empty for STATUS_UNSUCCESSFUL (duplicate, full, unmapped). */
    public synchronized OptionalInt writeBreakpoint(long address) {
        return breakpoints.write(address);
    }

    /** RestoreBreakPoint: false for STATUS_UNSUCCESSFUL (invalid or free handle). */
    public synchronized boolean restoreBreakpoint(int handle) {
        return breakpoints.restore(handle);
    }

    public synchronized int breakpointCount() {
        return breakpoints.count();
    }

    public MachineState state() {
        return state;
    }

    /** The stop that made the machine BROKEN (empty while running). */
    public synchronized Optional<StopEvent> lastStop() {
        return Optional.ofNullable(lastStop);
    }

    /**
     * Continue / Continue2 with a success status: the stopped processor resumes at its context's RIP
     * (unchanged RIP re-executes the instruction, e.g. an {@code int 3} breaks again; RIP + 1 steps
     * past it); {@code traceFlag} sets EFLAGS.TF (stop with STATUS_SINGLE_STEP at the next
     * instruction); {@code dr7} becomes KernelDr7 on every processor and KernelDr6 is cleared.
     */
    public synchronized void resume(boolean traceFlag, long dr7) {
        requireBroken("Continue");
        executor.resumeFrom(cpu.context(lastStop.processor()).rip());
        cpu.continueAll(dr7, traceFlag, lastStop.processor());
        trace = traceFlag;
        lastStop = null;
        state = MachineState.RUNNING;
        pacer.resumed();
    }

    /**
     * Executes on the calling thread until the machine stops (returned, state BROKEN) or
     * {@code maxEvents} pool events have started without a stop (empty, still RUNNING).
     */
    public synchronized Optional<StopEvent> run(long maxEvents) {
        if (state != MachineState.RUNNING) {
            throw new MachineStateException("run while BROKEN: expected RUNNING (resume first)");
        }
        runner = Thread.currentThread();
        try {
            long budget = maxEvents;
            if (config.rebootAfterEvents() > 0) {
                long left = config.rebootAfterEvents() - executor.eventsPerformed();
                if (left <= 0) {
                    powerOn();
                    return Optional.empty();
                }
                budget = Math.min(budget, left);
            }
            if (lateDrivers.loadIfDue(boot, executor.eventsPerformed())) {
                return Optional.empty();
            }
            return executor.run(lateDrivers.budget(executor.eventsPerformed(), budget), trace);
        } finally {
            runner = null;
        }
    }

    /** Asks a running machine to stop at DbgBreakPointWithStatus (the debugger's break-in). Any thread. */
    public void requestBreakIn() {
        breakInRequested = true;
        Thread t = runner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Reboot (DbgKdRebootApi or the knob): fresh memory, module list, workload and ground truth; RUNNING. */
    public synchronized void reboot() {
        powerOn();
    }

    /** How many times the machine has booted (1 after {@link #boot}); the adapter notices reboots by it. */
    public int bootCount() {
        return bootCount;
    }

    /** Every allocation and free since the last boot (thread-safe; readable while running). */
    public GroundTruthLog groundTruth() {
        return truth;
    }

    /** Addresses of the kernel globals, processes, threads and processors of the current boot. */
    public KernelState kernel() {
        return boot.kernel();
    }

    /** The mapped images in load order (kernel modules first), for load-symbols state changes. */
    public List<LoadedImage> images() {
        return boot.loaded();
    }

    /** Image byte ranges the loader and kernel rewrote at boot (IAT slots, kernel globals); elsewhere images equal their files. */
    public List<AddressRange> bootWrites() {
        return boot.bootWrites();
    }

    /** Symbolizes an address as {@code module!function} (nearest preceding public), for tests and logs. */
    public synchronized String describe(long address) {
        return boot.code().describe(address);
    }

    public MachineConfig config() {
        return config;
    }

    /** The architecture of the booted image set (the wire adapter picks its x86 or AMD64 layouts by it). */
    public Architecture architecture() {
        return images.architecture();
    }

    /** Drivers loaded after boot and not yet taken (the adapter sends a load-symbols state change for each). */
    public synchronized List<LoadedImage> takeLoadedDrivers() {
        return lateDrivers.take();
    }

    SparseMemory memory() {
        return boot.memory();
    }

    BootState boot() {
        return boot;
    }

    boolean x86() {
        return boot.kernel().layout().x86();
    }

    long now() {
        return ticker.nanoTime() - bootNanos;
    }

    int byteAt(long address) {
        byte[] b = new byte[1];
        return boot.memory().read(address, b, 0, 1) == 1 ? b[0] & 0xff : -1;
    }

    boolean takeBreakIn() {
        boolean was = breakInRequested;
        breakInRequested = false;
        return was;
    }

    /** Waits until the next event is due; false when a break-in arrived while waiting. */
    boolean pace() {
        return pacer.awaitNext(() -> breakInRequested);
    }

    StopEvent stopped(int processor, SimThread thread, long rip, long[] registers, int code, boolean breakIn) {
        Context context = cpu.stop(processor, rip, registers, trace);
        MachineCpu.markRunning(boot, processor, thread);
        byte[] stream = new byte[16];
        stream = Arrays.copyOf(stream, breakpoints.readOriginal(rip, stream, 0, 16));
        SpecialRegisters special = cpu.special(processor);
        lastStop = new StopEvent(code, processor, config.processors(), thread.ethread(), rip, context, stream,
                special.kernelDr6(), special.kernelDr7(), breakIn);
        breakInRequested = false;
        state = MachineState.BROKEN;
        return lastStop;
    }

    private SimProcessor processor(int number) {
        return boot.kernel().processors().get(checkProcessor(number));
    }

    private int checkProcessor(int number) {
        if (number < 0 || number >= config.processors()) {
            throw new MachineStateException("processor out of range: expected 0.." + (config.processors() - 1)
                    + ", actual " + number);
        }
        return number;
    }

    private void requireBroken(String what) {
        if (state != MachineState.BROKEN) {
            throw new MachineStateException(what + " while RUNNING: expected BROKEN (break in first)");
        }
    }
}
