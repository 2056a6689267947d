/**
 * The simulated target speaking KDNET over real UDP ({@code %connect sim:net}):
 * {@link dev.poolhit.sim.kd.net.KdnetSimTarget} pokes the host of
 * {@link dev.poolhit.sim.kd.net.KdnetSimOptions} on the injected clock, completes the handshake
 * with the kd module's {@code KdnetTargetCodec}, and runs the ordinary target engine over the
 * datagrams: {@code KdnetTargetTransport} presents them as the KDCOM byte stream the engine's
 * {@code SimulatedTarget.serve} takes (re-framing one packet per datagram), so the engine is
 * unchanged. {@link dev.poolhit.sim.kd.net.DatagramFaults} loses, reorders and duplicates
 * datagrams, seeded.
 */
package dev.poolhit.sim.kd.net;
