package dev.poolhit.sim.kd;

import dev.poolhit.sim.machine.MachineConfig;
import java.time.Duration;

/**
 * Everything a simulated target needs: the machine, the link and the target-side KD behaviour.
 *
 * @param machine          the simulated machine (seed, workload mix, processors, reboot-after-events)
 * @param link             line speed and fault knobs
 * @param eventsPerSecond  workload pace while running, on the injected clock; 0 = as fast as possible
 * @param ackTimeout       how long the target waits for an ACK before sending a packet again
 * @param optionalRetries  resends of an optional packet (DbgPrint, load symbols) before giving up
 * @param bootPrint        send a DbgPrint "KD: simulated target ready" after each boot
 * @param loadSymbols      report each kernel module with a load-symbols state change after each boot
 * @param initialBreak     break in right after each boot (as the {@code /break} boot option)
 */
public record SimConfig(MachineConfig machine, LinkKnobs link, double eventsPerSecond, Duration ackTimeout,
                        int optionalRetries, boolean bootPrint, boolean loadSymbols, boolean initialBreak) {
    /** 2 processors, seed 7601, perfect link, 1000 events/s, 1 s ACK timeout, 20 retries, boot print. */
    public static final SimConfig DEFAULT = new SimConfig(MachineConfig.DEFAULT, LinkKnobs.PERFECT, 1000,
            Duration.ofSeconds(1), 20, true, false, false);

    public SimConfig {
        if (machine == null || link == null || ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("machine, link and a positive ackTimeout are required");
        }
        if (eventsPerSecond < 0 || optionalRetries < 0) {
            throw new IllegalArgumentException("eventsPerSecond and optionalRetries must be >= 0, actual "
                    + eventsPerSecond + ", " + optionalRetries);
        }
    }

    public SimConfig withMachine(MachineConfig value) {
        return new SimConfig(value, link, eventsPerSecond, ackTimeout, optionalRetries, bootPrint, loadSymbols,
                initialBreak);
    }

    /** The machine of {@code architecture} ({@code X86}: the 32-bit Windows 7 SP1 PAE target). */
    public SimConfig withArchitecture(dev.poolhit.sim.Architecture architecture) {
        return withMachine(machine.withArchitecture(architecture));
    }

    public SimConfig withSeed(long seed) {
        return withMachine(machine.withSeed(seed));
    }

    public SimConfig withLink(LinkKnobs value) {
        return new SimConfig(machine, value, eventsPerSecond, ackTimeout, optionalRetries, bootPrint, loadSymbols,
                initialBreak);
    }

    public SimConfig withEventsPerSecond(double value) {
        return new SimConfig(machine, link, value, ackTimeout, optionalRetries, bootPrint, loadSymbols,
                initialBreak);
    }

    public SimConfig withAckTimeout(Duration value) {
        return new SimConfig(machine, link, eventsPerSecond, value, optionalRetries, bootPrint, loadSymbols,
                initialBreak);
    }

    public SimConfig withBootPrint(boolean value) {
        return new SimConfig(machine, link, eventsPerSecond, ackTimeout, optionalRetries, value, loadSymbols,
                initialBreak);
    }

    public SimConfig withLoadSymbols(boolean value) {
        return new SimConfig(machine, link, eventsPerSecond, ackTimeout, optionalRetries, bootPrint, value,
                initialBreak);
    }

    public SimConfig withInitialBreak(boolean value) {
        return new SimConfig(machine, link, eventsPerSecond, ackTimeout, optionalRetries, bootPrint, loadSymbols,
                value);
    }
}
