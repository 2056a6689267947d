package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.transport.LinkEvent;

/** What the host codec made of one received datagram; the link acts on it. */
public sealed interface KdnetStep {
    /** Send this UDP payload back to the datagram's source (the handshake response). */
    record Reply(byte[] udp, boolean newSession) implements KdnetStep {}

    /** A KD packet or break-in for the session. */
    record Deliver(LinkEvent event) implements KdnetStep {}

    /** Authentic but not for the session (keep-alive poke, the 12-byte first datagram). */
    record Ignore(String why) implements KdnetStep {}

    /** Dropped and counted; the session continues. */
    record Drop(KdnetDrop reason, String detail) implements KdnetStep {}

    /** The link cannot work (the very first datagram fails authentication: wrong key). */
    record Fatal(String message) implements KdnetStep {}
}
