/**
 * KDNET building blocks (kd-protocol.md 8): key parsing and derivation, the authenticated and
 * encrypted datagram codec, the data header and the handshake bodies. Decoders throw {@link
 * dev.poolhit.kd.protocol.KdProtocolException} (bad magic, length, HMAC); key strings given by a
 * user that do not parse throw {@link java.lang.IllegalArgumentException} with the rule broken.
 */
package dev.poolhit.kd.transport.kdnet;
