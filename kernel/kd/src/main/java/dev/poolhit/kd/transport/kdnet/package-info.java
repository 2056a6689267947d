/**
 * KDNET, KD over UDP (kd-protocol.md 8, 10.2). Building blocks: key parsing and derivation
 * ({@link dev.poolhit.kd.transport.kdnet.KdnetKey}), the authenticated and encrypted datagram
 * codec, the data header and the handshake bodies. On top: {@link
 * dev.poolhit.kd.transport.kdnet.KdnetLink}, the host side as a {@code PacketLink} (opened from a
 * {@link dev.poolhit.kd.transport.kdnet.KdnetSpec}), whose socket-free core is {@link
 * dev.poolhit.kd.transport.kdnet.KdnetHostCodec}; and {@link
 * dev.poolhit.kd.transport.kdnet.KdnetTargetCodec}, the target side for simulators and tests.
 * Every datagram is authenticated before anything in it is decoded; what fails is dropped and
 * counted ({@link dev.poolhit.kd.transport.kdnet.KdnetStats}). Decoders throw {@link
 * dev.poolhit.kd.protocol.KdProtocolException}; user-given specs and keys that do not parse throw
 * {@link java.lang.IllegalArgumentException} naming the rule, never showing the key.
 */
package dev.poolhit.kd.transport.kdnet;
