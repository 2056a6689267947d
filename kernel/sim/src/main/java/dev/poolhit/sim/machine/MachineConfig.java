package dev.poolhit.sim.machine;

import dev.poolhit.sim.workload.WorkloadMix;

/**
 * Every knob of the simulated machine (link-level knobs belong to the wire adapter).
 *
 * @param seed               workload seed: same seed, same ground truth
 * @param mix                relative weights of the workload's event families
 * @param eventsPerSecond    pool events per second of simulated run time; 0 = as fast as possible
 * @param processors         number of processors (KPCRs, contexts), at least 1
 * @param rebootAfterEvents  reboot the machine after this many pool events (0 = never)
 */
public record MachineConfig(long seed, WorkloadMix mix, double eventsPerSecond, int processors,
                            long rebootAfterEvents) {
    public static final MachineConfig DEFAULT = new MachineConfig(7601, WorkloadMix.DEFAULT, 0, 2, 0);

    public MachineConfig {
        if (processors < 1 || processors > 64) {
            throw new IllegalArgumentException("processors must be 1..64, actual " + processors);
        }
        if (eventsPerSecond < 0 || rebootAfterEvents < 0) {
            throw new IllegalArgumentException("eventsPerSecond and rebootAfterEvents must be >= 0, actual "
                    + eventsPerSecond + ", " + rebootAfterEvents);
        }
    }

    public MachineConfig withSeed(long value) {
        return new MachineConfig(value, mix, eventsPerSecond, processors, rebootAfterEvents);
    }

    public MachineConfig withEventsPerSecond(double value) {
        return new MachineConfig(seed, mix, value, processors, rebootAfterEvents);
    }

    public MachineConfig withProcessors(int value) {
        return new MachineConfig(seed, mix, eventsPerSecond, value, rebootAfterEvents);
    }
}
