/**
 * KDCOM, the serial framing of KD packets (kd-protocol.md 1): {@link
 * dev.poolhit.kd.transport.kdcom.KdcomFramer} (push decoder with resynchronisation), {@link
 * dev.poolhit.kd.transport.kdcom.KdcomEncoder} and {@link dev.poolhit.kd.transport.kdcom.KdcomLink}
 * (a PacketLink over any byte transport).
 */
package dev.poolhit.kd.transport.kdcom;
