/**
 * The KD adapter: the target side of the Windows kernel-debugger wire protocol (KDCOM) for the
 * simulated machine, so a host session cannot tell it from a real Windows x64 target.
 *
 * <p>Entry points: {@link dev.poolhit.sim.kd.SimulatedTarget#start} (in-process, for
 * {@code %connect sim}: talk to {@code hostEnd()}), {@link dev.poolhit.sim.kd.SimulatedTarget#serve}
 * (any byte transport, e.g. an accepted TCP socket) and {@link dev.poolhit.sim.kd.SimMain} (a
 * standalone TCP server printing its port). Knobs: {@link dev.poolhit.sim.kd.SimConfig},
 * {@link dev.poolhit.sim.kd.LinkKnobs}, {@link dev.poolhit.sim.kd.ByteFaults}; the link faults
 * are a {@link dev.poolhit.sim.kd.FaultyTransport} decorator usable on any transport.
 *
 * <p>Inside: {@code TargetPort} (kdcom reliability: ids 0x80800800 then toggling, ACK with 0x800
 * masked, RESEND/RESET, repeats, optional packets given up), {@code ManipulateServer} and
 * {@code ContextServer} (one handler per manipulate API, real NTSTATUS codes),
 * {@code StateChanges} (exception and load-symbols packets), {@code TargetEngine} (the one
 * target thread: run, poll for break-in, report, serve until continue). Only the kd module's
 * codecs and transports are shared with the host; no host session logic is used here.
 * The machine is reached through {@link dev.poolhit.sim.kd.TargetMachine}
 * ({@code MachineTarget} delegates to {@link dev.poolhit.sim.machine.Machine}).
 */
package dev.poolhit.sim.kd;
