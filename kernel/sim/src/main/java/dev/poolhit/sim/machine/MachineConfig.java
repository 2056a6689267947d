package dev.poolhit.sim.machine;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.workload.WorkloadMix;

/**
 * Every knob of the simulated machine (link-level knobs belong to the wire adapter).
 *
 * @param seed                  workload seed: same seed, same ground truth
 * @param mix                   relative weights of the workload's event families
 * @param eventsPerSecond       pool events per second of simulated run time; 0 = as fast as possible
 * @param processors            number of processors (KPCRs, contexts), at least 1
 * @param rebootAfterEvents     reboot the machine after this many pool events (0 = never)
 * @param architecture          X64 (default) or X86 (the 32-bit PAE kernel from the x86 image set)
 * @param extraDrivers          synthetic boot drivers ({@code simdrv01.sys}...) loaded after the manifest
 *                              images, in PsLoadedModuleList and the boot load-symbols burst (0..200)
 * @param lateDriverAfterEvents load one more synthetic driver after this many pool events, reported as
 *                              a load-symbols state change while running (0 = never)
 */
public record MachineConfig(long seed, WorkloadMix mix, double eventsPerSecond, int processors,
                            long rebootAfterEvents, Architecture architecture, int extraDrivers,
                            long lateDriverAfterEvents) {
    public static final MachineConfig DEFAULT = new MachineConfig(7601, WorkloadMix.DEFAULT, 0, 2, 0);
    /** Upper bound of {@link #extraDrivers}: their bases must stay inside the driver range. */
    public static final int MAX_EXTRA_DRIVERS = 200;

    public MachineConfig {
        if (processors < 1 || processors > 64) {
            throw new IllegalArgumentException("processors must be 1..64, actual " + processors);
        }
        if (eventsPerSecond < 0 || rebootAfterEvents < 0) {
            throw new IllegalArgumentException("eventsPerSecond and rebootAfterEvents must be >= 0, actual "
                    + eventsPerSecond + ", " + rebootAfterEvents);
        }
        if (lateDriverAfterEvents < 0) {
            throw new IllegalArgumentException("lateDriverAfterEvents must be >= 0, actual " + lateDriverAfterEvents);
        }
        if (extraDrivers < 0 || extraDrivers > MAX_EXTRA_DRIVERS) {
            throw new IllegalArgumentException("extraDrivers must be 0.." + MAX_EXTRA_DRIVERS + ", actual "
                    + extraDrivers);
        }
        if (architecture == null) {
            throw new IllegalArgumentException("architecture is required (X64 or X86)");
        }
    }

    /** An x64 machine without extra drivers. */
    public MachineConfig(long seed, WorkloadMix mix, double eventsPerSecond, int processors, long rebootAfterEvents) {
        this(seed, mix, eventsPerSecond, processors, rebootAfterEvents, Architecture.X64, 0, 0);
    }

    public MachineConfig withSeed(long value) {
        return new MachineConfig(value, mix, eventsPerSecond, processors, rebootAfterEvents, architecture,
                extraDrivers, lateDriverAfterEvents);
    }

    public MachineConfig withEventsPerSecond(double value) {
        return new MachineConfig(seed, mix, value, processors, rebootAfterEvents, architecture, extraDrivers,
                lateDriverAfterEvents);
    }

    public MachineConfig withProcessors(int value) {
        return new MachineConfig(seed, mix, eventsPerSecond, value, rebootAfterEvents, architecture, extraDrivers,
                lateDriverAfterEvents);
    }

    public MachineConfig withArchitecture(Architecture value) {
        return new MachineConfig(seed, mix, eventsPerSecond, processors, rebootAfterEvents, value, extraDrivers,
                lateDriverAfterEvents);
    }

    public MachineConfig withExtraDrivers(int value) {
        return new MachineConfig(seed, mix, eventsPerSecond, processors, rebootAfterEvents, architecture, value,
                lateDriverAfterEvents);
    }

    public MachineConfig withLateDriverAfterEvents(long value) {
        return new MachineConfig(seed, mix, eventsPerSecond, processors, rebootAfterEvents, architecture,
                extraDrivers, value);
    }
}
