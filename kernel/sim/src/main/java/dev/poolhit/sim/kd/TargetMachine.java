package dev.poolhit.sim.kd;

import dev.poolhit.sim.kernel.KdVersion;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.SpecialRegisters;
import dev.poolhit.sim.machine.StopEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the KD target side needs from a simulated machine. {@link dev.poolhit.sim.machine.Machine}
 * implements it through {@link MachineTarget}; tests use small fakes. Called only from the engine
 * thread, except {@link #requestBreakIn()} (any thread).
 *
 * <p>Failures are {@link dev.poolhit.sim.SimException}s; the adapter turns them into
 * STATUS_UNSUCCESSFUL on the wire.
 */
public interface TargetMachine {
    /** DBGKD_GET_VERSION64 values. */
    KdVersion version();

    int processorCount();

    /** Copies up to {@code length} mapped bytes (debugger breakpoints read as 0xCC); returns the count. */
    int readVirtual(long address, byte[] into, int offset, int length);

    /** Writes up to {@code length} mapped bytes; returns the count. */
    int writeVirtual(long address, byte[] from, int offset, int length);

    /** Reads with the debugger's breakpoints hidden (original bytes); returns the count. */
    int readOriginal(long address, byte[] into, int offset, int length);

    Context context(int processor);

    void setContext(int processor, Context context);

    SpecialRegisters specialRegisters(int processor);

    void setSpecialRegisters(int processor, SpecialRegisters registers);

    /** Control space selector 0. */
    long kpcr(int processor);

    /** Control space selector 1. */
    long kprcb(int processor);

    /** Control space selector 3: the KTHREAD running on the processor. */
    long currentThread(int processor);

    /** A handle 1..n, or empty when the table is full, the address is taken or unmapped. */
    OptionalInt writeBreakpoint(long address);

    /** False for an invalid or free handle. */
    boolean restoreBreakpoint(int handle);

    /** Leaves the stop: single step if {@code traceFlag}; {@code dr7} becomes KernelDr7 on all processors. */
    void resume(boolean traceFlag, long dr7);

    /** Runs until a stop (returned) or until {@code maxEvents} workload events started (empty). */
    Optional<StopEvent> run(long maxEvents);

    /** Asks a running machine to stop at the next event boundary. Any thread. */
    void requestBreakIn();

    /** Resets the machine to a fresh boot; it is RUNNING afterwards. */
    void reboot();

    /** Boots so far; a change tells the adapter that the machine rebooted by itself. */
    int bootCount();

    /** The stop the machine sits in (BROKEN), for a link plugged back in; empty while running. */
    default Optional<StopEvent> currentStop() {
        return Optional.empty();
    }

    /** Kernel modules in load order, for load-symbols state changes. */
    List<ModuleInfo> modules();

    /** Drivers loaded while running since the last call: each gets a load-symbols state change. */
    default List<ModuleInfo> takeLoadedModules() {
        return List.of();
    }
}
