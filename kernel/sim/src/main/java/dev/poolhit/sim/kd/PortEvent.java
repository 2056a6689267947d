package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdPacket;

/** What the target's {@link TargetPort} hands the engine while the target sits in the debugger. */
sealed interface PortEvent {
    /** A new (not repeated) data packet from the host, already ACKed. */
    record Request(KdPacket packet) implements PortEvent {}

    /** The host resynchronised (RESET, already answered): the pending state change must be sent again. */
    record Resync() implements PortEvent {}
}
