package dev.poolhit.sim.kd;

import dev.poolhit.sim.SimException;
import dev.poolhit.sim.kernel.KdVersion;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.SpecialRegisters;
import dev.poolhit.sim.machine.StopEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A one-processor {@link TargetMachine} with 0x100 bytes of memory at {@link #MEMORY}, fixed
 * registers and a breakpoint table, for tests that need exact, hand-checkable values. It never
 * runs workload events: it only stops when asked to break in.
 */
final class FakeMachine implements TargetMachine {
    static final long KERN_BASE = 0xfffff80000000000L;
    static final long MEMORY = 0xfffff80000001000L;
    static final int MEMORY_SIZE = 0x100;
    static final long RIP = MEMORY + 0x10;
    static final long THREAD = 0xfffffa8000c01060L;
    static final long KPCR = 0xfffff80000b96000L;

    final byte[] memory = new byte[MEMORY_SIZE];
    final Map<Integer, long[]> breakpoints = new TreeMap<>();
    Context context = Context.kernel(RIP, 0xfffff88000001000L);
    SpecialRegisters special = SpecialRegisters.boot(KPCR, 0x187000, MEMORY + 0x80);
    volatile boolean breakInRequested;
    boolean broken;
    int boots = 1;
    int resumes;
    boolean lastTrace;

    FakeMachine() {
        Arrays.fill(memory, (byte) 0x90);
        memory[0x10] = (byte) 0xcc;
        memory[0x11] = (byte) 0xc3;
    }

    @Override
    public KdVersion version() {
        return KdVersion.win7(KERN_BASE, KERN_BASE + 0x2000, KERN_BASE + 0x3000);
    }

    @Override
    public int processorCount() {
        return 1;
    }

    @Override
    public int readVirtual(long address, byte[] into, int offset, int length) {
        return copy(address, into, offset, length, true);
    }

    @Override
    public int readOriginal(long address, byte[] into, int offset, int length) {
        return copy(address, into, offset, length, false);
    }

    private int copy(long address, byte[] into, int offset, int length, boolean withBreakpoints) {
        long start = address - MEMORY;
        if (start < 0 || start >= MEMORY_SIZE) {
            return 0;
        }
        int n = (int) Math.min(length, MEMORY_SIZE - start);
        System.arraycopy(memory, (int) start, into, offset, n);
        if (withBreakpoints) {
            for (long[] bp : breakpoints.values()) {
                long i = bp[0] - address;
                if (i >= 0 && i < n) {
                    into[offset + (int) i] = (byte) 0xcc;
                }
            }
        }
        return n;
    }

    @Override
    public int writeVirtual(long address, byte[] from, int offset, int length) {
        long start = address - MEMORY;
        if (start < 0 || start >= MEMORY_SIZE) {
            return 0;
        }
        int n = (int) Math.min(length, MEMORY_SIZE - start);
        System.arraycopy(from, offset, memory, (int) start, n);
        return n;
    }

    @Override
    public Context context(int processor) {
        check(processor);
        return context;
    }

    @Override
    public void setContext(int processor, Context value) {
        check(processor);
        context = value;
    }

    @Override
    public SpecialRegisters specialRegisters(int processor) {
        check(processor);
        return special;
    }

    @Override
    public void setSpecialRegisters(int processor, SpecialRegisters registers) {
        check(processor);
        special = registers;
    }

    @Override
    public long kpcr(int processor) {
        return KPCR;
    }

    @Override
    public long kprcb(int processor) {
        return KPCR + 0x180;
    }

    @Override
    public long currentThread(int processor) {
        return THREAD;
    }

    @Override
    public OptionalInt writeBreakpoint(long address) {
        boolean taken = breakpoints.values().stream().anyMatch(b -> b[0] == address);
        if (taken || address - MEMORY < 0 || address - MEMORY >= MEMORY_SIZE || breakpoints.size() == 32) {
            return OptionalInt.empty();
        }
        int handle = 1;
        while (breakpoints.containsKey(handle)) {
            handle++;
        }
        breakpoints.put(handle, new long[] {address});
        return OptionalInt.of(handle);
    }

    @Override
    public boolean restoreBreakpoint(int handle) {
        return breakpoints.remove(handle) != null;
    }

    @Override
    public void resume(boolean traceFlag, long dr7) {
        if (!broken) {
            throw new SimException("Continue while RUNNING: expected BROKEN (break in first)");
        }
        broken = false;
        resumes++;
        lastTrace = traceFlag;
        special = special.withKernelDr7(dr7);
    }

    @Override
    public Optional<StopEvent> run(long maxEvents) {
        if (!breakInRequested) {
            return Optional.empty();
        }
        breakInRequested = false;
        broken = true;
        byte[] stream = new byte[16];
        int n = readOriginal(context.rip(), stream, 0, 16);
        return Optional.of(new StopEvent(StopEvent.STATUS_BREAKPOINT, 0, 1, THREAD, context.rip(), context,
                Arrays.copyOf(stream, n), 0xffff0ff0L, special.kernelDr7(), true));
    }

    @Override
    public void requestBreakIn() {
        breakInRequested = true;
    }

    @Override
    public void reboot() {
        boots++;
        broken = false;
    }

    @Override
    public int bootCount() {
        return boots;
    }

    @Override
    public List<ModuleInfo> modules() {
        return List.of(new ModuleInfo("\\SystemRoot\\system32\\ntoskrnl.exe", KERN_BASE, 0x10000, 0x1234));
    }

    private static void check(int processor) {
        if (processor != 0) {
            throw new SimException("processor out of range: expected 0..0, actual " + processor);
        }
    }
}
